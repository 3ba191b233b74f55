package main

func main() {
	values := []int{1, 2, 3
	for i := range values {
		fmt.Println(i +)
	}
