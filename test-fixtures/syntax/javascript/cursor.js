const assert = require('assert');

function helper(unused) {
  const hiddenLocal = unused * 2;
  return hiddenLocal;
}

const handlers = {
  onMessage(event, context) {
    const payload = JSON.parse(event.data);
    items.forEach((entry, index) => {
      const doubled = entry * index;
      ⟨cursor⟩
    });
  },
};
