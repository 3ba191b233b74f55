package store

import (
	"errors"
	"fmt"
	"sync"
)

// ErrNotFound is returned when a key is absent.
var ErrNotFound = errors.New("not found")

type Store struct {
	mu    sync.RWMutex
	items map[string]string
}

type Reader interface {
	Get(key string) (string, error)
}

func New() *Store {
	return &Store{items: make(map[string]string)}
}

func (s *Store) Get(key string) (string, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	value, ok := s.items[key]
	if !ok {
		return "", fmt.Errorf("get %q: %w", key, ErrNotFound)
	}
	return value, nil
}

func (s *Store) Put(key, value string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items[key] = value
}
