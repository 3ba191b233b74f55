package server

import (
	"net/http"
	str "strings"
)

func unrelated(hidden int) int {
	secretLocal := hidden * 2
	return secretLocal
}

type Handler struct {
	prefix string
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	path := str.TrimPrefix(r.URL.Path, h.prefix)
	if path == "" {
		⟨cursor⟩
	}
}
