public class Broken {
    public int sum(int[] values {
        int total = 0;
        for (int v : values) {
            total += v *;
        }
        return total;
