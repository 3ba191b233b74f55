import React, { useMemo } from 'react';

type Item = { id: string; title: string };

export const ItemList = ({ items, filter }: { items: Item[]; filter: string }) => {
  const visible = useMemo(() => items.filter((item) => item.title.includes(filter)), [items, filter]);
  ⟨cursor⟩
  return (
    <ul>
      {visible.map((item) => <li key={item.id}>{item.title}</li>)}
    </ul>
  );
};
