use std::collections::HashMap;
use std::io::{self, Write};

fn unrelated(hidden: u32) -> u32 {
    let secret_local = hidden + 1;
    secret_local
}

pub trait Render {
    fn render(&self) -> String;
}

pub struct Page {
    title: String,
}

impl Render for Page {
    fn render(&self) -> String {
        let mut cache: HashMap<String, usize> = HashMap::new();
        let upper = self.title.to_uppercase();
        ⟨cursor⟩
        upper
    }
}
