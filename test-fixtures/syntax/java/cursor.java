package com.example;

import java.util.Map;
import java.util.HashMap;

public class Registry {
    private final Map<String, Integer> counts = new HashMap<>();

    private int unrelated(int hidden) {
        int secretLocal = hidden * 2;
        return secretLocal;
    }

    public void register(String name, int weight) {
        int current = counts.getOrDefault(name, 0);
        ⟨cursor⟩
    }
}
