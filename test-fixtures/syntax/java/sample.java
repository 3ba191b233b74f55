package com.example.shop;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public class Cart {
    private final List<Line> lines = new ArrayList<>();

    public record Line(String sku, int quantity, double price) {}

    public interface Discount {
        double apply(double total);
    }

    public void add(String sku, int quantity, double price) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        lines.add(new Line(sku, quantity, price));
    }

    public double total(Optional<Discount> discount) {
        double sum = lines.stream().mapToDouble(line -> line.quantity() * line.price()).sum();
        return discount.map(d -> d.apply(sum)).orElse(sum);
    }
}
