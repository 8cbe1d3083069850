package org.metarl4j.experiments.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A numeric CSV file read back (a run's progress.csv or evaluations.csv): columns by header name; blanks are NaN. */
public final class CsvTable {
    private final List<String> header;
    private final List<double[]> rows;

    private CsvTable(List<String> header, List<double[]> rows) {
        this.header = header;
        this.rows = rows;
    }

    public static CsvTable read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                throw new IllegalArgumentException(file + " is empty (no header)");
            }
            List<String> header = Arrays.asList(lines.get(0).split(",", -1));
            List<double[]> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                if (line.isBlank() || cells.length != header.size()) {
                    continue; // a torn last line of a killed run
                }
                double[] row = new double[cells.length];
                for (int i = 0; i < cells.length; i++) {
                    row[i] = cells[i].isEmpty() ? Double.NaN : Double.parseDouble(cells[i]);
                }
                rows.add(row);
            }
            return new CsvTable(header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + " has a non-numeric cell: " + e.getMessage(), e);
        }
    }

    public int size() {
        return rows.size();
    }

    /** Whether the header names {@code name}. */
    public boolean has(String name) {
        return header.contains(name);
    }

    public double[] column(String name) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no column '" + name + "' among " + header);
        }
        return rows.stream().mapToDouble(r -> r[index]).toArray();
    }
}
