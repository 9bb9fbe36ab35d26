package org.metroledger.gateway.web;

import java.util.Locale;

/**
 * The frame the server-drawn charts share: an SVG element of fixed view box with a title, a
 * plotting area inside margins, its base line and dashed threshold lines. The charts add their
 * own marks with {@link #add}.
 */
final class ChartCanvas {
    final int width;
    final int height;
    final int left;
    final int right;
    final int top;
    final int bottom;
    private final StringBuilder svg = new StringBuilder();

    ChartCanvas(String cssClass, String id, String title, int[] box) {
        this.width = box[0];
        this.height = box[1];
        this.left = box[2];
        this.right = box[3];
        this.top = box[4];
        this.bottom = box[5];
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"")
                .append(Html.escape(cssClass))
                .append("\" id=\"")
                .append(Html.escape(id))
                .append("\" role=\"img\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\"><title>")
                .append(Html.escape(title))
                .append("</title>");
    }

    /** Appends marks formatted with the root locale (numbers with a dot). */
    ChartCanvas add(String format, Object... arguments) {
        svg.append(String.format(Locale.ROOT, format, arguments));
        return this;
    }

    /** The base line under the plotting area. */
    ChartCanvas baseline() {
        return add(
                "<line class=\"axis-line\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
                left, height - bottom, width - right, height - bottom);
    }

    /** A dashed line across the plotting area at {@code y}, labelled at (x, labelY). */
    ChartCanvas threshold(double y, String label, int x, double labelY, boolean alignEnd) {
        return add(
                "<line class=\"threshold\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
                        + "<text class=\"axis%s\" x=\"%d\" y=\"%.1f\">%s</text>",
                left, y, width - right, y, alignEnd ? " end" : "", x, labelY, Html.escape(label));
    }

    ScoreChart.Svg close() {
        return new ScoreChart.Svg(svg.append("</svg>").toString());
    }
}
