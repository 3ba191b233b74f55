import os
from collections import defaultdict as dd


def unrelated(hidden):
    secret_local = hidden + 1
    return secret_local


class Indexer:
    def build(self, root, limit=10):
        counts = dd(int)
        for name in os.listdir(root):
            counts[name] += 1
        ⟨cursor⟩

    def later(self):
        pass
