import React, { useState } from 'react';

interface CounterProps {
  label: string;
  start?: number;
}

export function Counter({ label, start = 0 }: CounterProps): JSX.Element {
  const [count, setCount] = useState<number>(start);
  const increment = () => setCount((value) => value + 1);
  return (
    <div className="counter">
      <span>{label}: {count}</span>
      <button onClick={increment} disabled={count > 10}>
        +1
      </button>
    </div>
  );
}
