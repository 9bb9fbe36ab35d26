package org.metroledger.gateway.web;

import java.util.List;

/**
 * A column chart drawn by the server as SVG, for the dashboard: groups along the bottom, one
 * column per series in each group (at most two, told apart by class), the value written above
 * each column, and an optional dashed marker line (e.g. the 92 % coverage target).
 */
final class BarChart {
    private static final int WIDTH = 480;
    private static final int HEIGHT = 240;
    private static final int LEFT = 16;
    private static final int RIGHT = 16;
    private static final int TOP = 24;
    private static final int BOTTOM = 32;

    /** A labelled group of values, one per series; a null value is drawn as no column. */
    record Group(String label, List<Double> values, List<String> shown) {}

    private BarChart() {}

    /**
     * @param id the svg element's id
     * @param max the value at the top of the chart (at least every value)
     * @param marker a value to draw a dashed line at, with its label, or null
     */
    static ScoreChart.Svg draw(
            String id, String title, List<Group> groups, double max, Double marker, String markerLabel) {
        ChartCanvas canvas =
                new ChartCanvas("chart bars", id, title, new int[] {WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM});
        double top = max <= 0 ? 1 : max;
        int span = WIDTH - LEFT - RIGHT;
        double slot = groups.isEmpty() ? span : (double) span / groups.size();
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            int series = Math.max(1, group.values().size());
            double width = slot * 0.7 / series;
            double start = LEFT + g * slot + slot * 0.15;
            for (int s = 0; s < group.values().size(); s++) {
                Double value = group.values().get(s);
                if (value == null) {
                    continue;
                }
                double height = (HEIGHT - TOP - BOTTOM) * Math.min(value, top) / top;
                double x = start + s * width;
                double y = HEIGHT - BOTTOM - height;
                canvas.add(
                        "<rect class=\"bar series-%d\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%s: %s</title></rect>"
                                + "<text class=\"value\" x=\"%.1f\" y=\"%.1f\">%s</text>",
                        s,
                        x,
                        y,
                        width,
                        height,
                        Html.escape(group.label()),
                        Html.escape(group.shown().get(s)),
                        x + width / 2,
                        y - 4,
                        Html.escape(group.shown().get(s)));
            }
            canvas.add(
                    "<text class=\"axis label\" x=\"%.1f\" y=\"%d\">%s</text>",
                    LEFT + g * slot + slot / 2, HEIGHT - 10, Html.escape(group.label()));
        }
        canvas.baseline();
        if (marker != null) {
            double y = HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * Math.min(marker, top) / top;
            canvas.threshold(y, markerLabel, WIDTH - RIGHT, y - 4, true);
        }
        return canvas.close();
    }
}
