'use strict';
const path = require('path');
const { EventEmitter } = require('events');

class TaskQueue extends EventEmitter {
  constructor(concurrency = 2) {
    super();
    this.concurrency = concurrency;
    this.running = 0;
    this.queue = [];
  }

  push(task) {
    this.queue.push(task);
    process.nextTick(() => this.next());
    return this;
  }

  next() {
    while (this.running < this.concurrency && this.queue.length > 0) {
      const task = this.queue.shift();
      this.running++;
      task().finally(() => {
        this.running--;
        this.emit(this.queue.length === 0 ? 'empty' : 'progress');
        this.next();
      });
    }
  }
}

function render({ name, items }) {
  return <ul title={path.basename(name)}>{items.map((item) => <li key={item}>{item}</li>)}</ul>;
}

module.exports = { TaskQueue, render };
