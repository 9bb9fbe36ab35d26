package org.metroledger.gateway.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.metroledger.gateway.qr.ChinaDate;

/**
 * An entity's credit score over time as a server-drawn SVG line chart, with the grade thresholds
 * (A 90, B 75, C 60) as dashed lines. Time runs left to right in proportion.
 */
final class ScoreChart {
    private static final int WIDTH = 480;
    private static final int HEIGHT = 260;
    private static final int LEFT = 52;
    private static final int RIGHT = 16;
    private static final int TOP = 12;
    private static final int BOTTOM = 28;
    private static final int[] THRESHOLDS = {90, 75, 60};
    private static final String[] GRADES = {"A", "B", "C"};

    /** One rating: when, and the score then. */
    record Point(Instant at, int score) {}

    /** Markup this class drew: numbers it computed and escaped labels only. */
    record Svg(String markup) {}

    private ScoreChart() {}

    static Svg draw(List<Point> points, String title) {
        int top = Math.max(110, points.stream().mapToInt(Point::score).max().orElse(0) + 5);
        int bottom = Math.min(0, points.stream().mapToInt(Point::score).min().orElse(0) - 5);
        ChartCanvas canvas =
                new ChartCanvas("chart", "score-chart", title, new int[] {WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM});
        for (int i = 0; i < THRESHOLDS.length; i++) {
            double y = y(THRESHOLDS[i], bottom, top);
            canvas.threshold(y, GRADES[i] + " " + THRESHOLDS[i], 4, y + 4, false);
        }
        canvas.baseline();
        if (!points.isEmpty()) {
            long first = points.get(0).at().getEpochSecond();
            long last = points.get(points.size() - 1).at().getEpochSecond();
            StringBuilder line = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            for (Point point : points) {
                double x = x(point.at().getEpochSecond(), first, last);
                double y = y(point.score(), bottom, top);
                line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                dots.append(String.format(
                        Locale.ROOT,
                        "<circle class=\"dot\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\"><title>%s: %d</title></circle>",
                        x,
                        y,
                        Html.escape(ChinaDate.date(point.at().toString())),
                        point.score()));
            }
            canvas.add(
                    "<polyline class=\"score-line\" points=\"%s\"/>%s",
                    line.toString().trim(), dots);
            canvas.add(
                    "<text class=\"axis\" x=\"%d\" y=\"%d\">%s</text>",
                    LEFT,
                    HEIGHT - 8,
                    Html.escape(ChinaDate.date(points.get(0).at().toString())));
            canvas.add(
                    "<text class=\"axis end\" x=\"%d\" y=\"%d\">%s</text>",
                    WIDTH - RIGHT,
                    HEIGHT - 8,
                    Html.escape(
                            ChinaDate.date(points.get(points.size() - 1).at().toString())));
        }
        return canvas.close();
    }

    private static double x(long at, long first, long last) {
        int span = WIDTH - LEFT - RIGHT;
        return last == first ? LEFT + span / 2.0 : LEFT + span * (double) (at - first) / (last - first);
    }

    private static double y(int score, int bottom, int top) {
        int span = HEIGHT - TOP - BOTTOM;
        return TOP + span * (double) (top - score) / (top - bottom);
    }
}
