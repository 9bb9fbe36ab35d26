package org.metroledger.gateway.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads RFC 4180 CSV text (quoted fields, doubled quotes, commas and line breaks inside quotes)
 * with a header row, into rows of named values that remember their line number.
 */
final class CsvRows {
    /** One data row: its first line in the file and its values by header name (blank as absent). */
    record Row(int line, Map<String, String> values) {
        String get(String column) {
            return values.get(column);
        }
    }

    private CsvRows() {}

    static List<Row> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    line += c == '\n' ? 1 : 0;
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                records.add(fields);
                lines.add(recordLine);
                fields = new ArrayList<>();
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("line " + recordLine + ": a quoted field is not closed");
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(fields);
            lines.add(recordLine);
        }
        return rows(records, lines);
    }

    private static List<Row> rows(List<List<String>> records, List<Integer> lines) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("the CSV is empty: it needs a header row");
        }
        List<String> header = records.get(0).stream().map(String::strip).toList();
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> record = records.get(r);
            if (record.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (record.size() > header.size()) {
                throw new IllegalArgumentException("line " + lines.get(r) + ": " + record.size()
                        + " fields but the header names " + header.size());
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < record.size(); i++) {
                String value = record.get(i).strip();
                if (!value.isEmpty()) {
                    values.put(header.get(i), value);
                }
            }
            rows.add(new Row(lines.get(r), values));
        }
        return rows;
    }
}
