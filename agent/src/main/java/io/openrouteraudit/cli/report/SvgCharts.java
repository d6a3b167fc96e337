package io.openrouteraudit.cli.report;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Bar charts as inline SVG: axes, tick labels, gridlines, and a {@code <title>} tooltip on every
 * bar. Every bar is a {@code <rect class="bar">}; every text passed in is escaped here.
 */
public final class SvgCharts {

    /** One bar: its axis label, its tooltip, its value (negative values are drawn as 0). */
    public record Bar(String label, String tooltip, double value) {
    }

    /** How the value axis counts: amounts (any fraction) or whole numbers. */
    public enum Scale {
        AMOUNT, COUNT, PERCENT
    }

    private static final int WIDTH = 960;
    private static final int MAX_CATEGORY_LABELS = 24;

    private SvgCharts() {
    }

    /** Vertical bars over an ordered category axis (days). */
    public static String columns(String id, String title, String axisTitle, List<Bar> bars, Scale scale,
            DoubleFunction<String> tickLabel, String colorClass) {
        int left = 78;
        int right = 16;
        int top = 14;
        int bottom = 78;
        int plotH = 210;
        int height = top + plotH + bottom;
        double plotW = WIDTH - left - right;
        Axis axis = Axis.of(max(bars), scale);
        StringBuilder svg = open(id, title, WIDTH, height, colorClass);
        // value axis: gridlines and ticks
        for (int i = 0; i <= axis.ticks; i++) {
            double v = axis.step * i;
            double y = top + plotH - v / axis.max * plotH;
            svg.append("<line class=\"grid\" x1=\"").append(left).append("\" x2=\"").append(num(left + plotW))
                    .append("\" y1=\"").append(num(y)).append("\" y2=\"").append(num(y)).append("\"/>");
            svg.append("<text class=\"tick\" x=\"").append(left - 6).append("\" y=\"").append(num(y + 4))
                    .append("\" text-anchor=\"end\">").append(Html.escape(tickLabel.apply(v))).append("</text>");
        }
        svg.append("<text class=\"axis-title\" transform=\"translate(14,").append(num(top + plotH / 2.0))
                .append(") rotate(-90)\" text-anchor=\"middle\">").append(Html.escape(axisTitle)).append("</text>");
        double slot = plotW / Math.max(1, bars.size());
        double barW = Math.max(1, slot * 0.72);
        int labelEvery = Math.max(1, (int) Math.ceil(bars.size() / (double) MAX_CATEGORY_LABELS));
        svg.append("<g class=\"bars\">");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double h = Math.max(0, bar.value) / axis.max * plotH;
            double x = left + slot * i + (slot - barW) / 2;
            svg.append("<rect class=\"bar\" x=\"").append(num(x)).append("\" y=\"").append(num(top + plotH - h))
                    .append("\" width=\"").append(num(barW)).append("\" height=\"").append(num(h)).append("\"><title>")
                    .append(Html.escape(bar.tooltip)).append("</title></rect>");
        }
        svg.append("</g>");
        for (int i = 0; i < bars.size(); i += labelEvery) {
            double cx = left + slot * i + slot / 2;
            svg.append("<text class=\"label\" transform=\"translate(").append(num(cx + 4)).append(',')
                    .append(top + plotH + 10).append(") rotate(-45)\" text-anchor=\"end\">")
                    .append(Html.escape(bars.get(i).label)).append("</text>");
        }
        axes(svg, left, top, plotW, plotH);
        return svg.append("</svg>").toString();
    }

    /** Horizontal bars, one row per category (models), with the value written after each bar. */
    public static String rows(String id, String title, List<Bar> bars, Scale scale, DoubleFunction<String> tickLabel,
            DoubleFunction<String> valueLabel, String colorClass) {
        int left = 290;
        int right = 110;
        int top = 10;
        int rowH = 26;
        int bottom = 34;
        int plotH = rowH * Math.max(1, bars.size());
        int height = top + plotH + bottom;
        double plotW = WIDTH - left - right;
        Axis axis = Axis.of(max(bars), scale);
        StringBuilder svg = open(id, title, WIDTH, height, colorClass);
        for (int i = 0; i <= axis.ticks; i++) {
            double v = axis.step * i;
            double x = left + v / axis.max * plotW;
            svg.append("<line class=\"grid\" x1=\"").append(num(x)).append("\" x2=\"").append(num(x))
                    .append("\" y1=\"").append(top).append("\" y2=\"").append(top + plotH).append("\"/>");
            svg.append("<text class=\"tick\" x=\"").append(num(x)).append("\" y=\"").append(top + plotH + 18)
                    .append("\" text-anchor=\"middle\">").append(Html.escape(tickLabel.apply(v))).append("</text>");
        }
        svg.append("<g class=\"bars\">");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double w = Math.max(0, bar.value) / axis.max * plotW;
            double y = top + rowH * i + 4;
            svg.append("<rect class=\"bar\" x=\"").append(left).append("\" y=\"").append(num(y))
                    .append("\" width=\"").append(num(w)).append("\" height=\"").append(rowH - 8).append("\"><title>")
                    .append(Html.escape(bar.tooltip)).append("</title></rect>");
        }
        svg.append("</g>");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double mid = top + rowH * i + rowH / 2.0 + 4;
            double w = Math.max(0, bar.value) / axis.max * plotW;
            svg.append("<text class=\"label\" x=\"").append(left - 8).append("\" y=\"").append(num(mid))
                    .append("\" text-anchor=\"end\"><title>").append(Html.escape(bar.label)).append("</title>")
                    .append(Html.escape(Html.shorten(bar.label, 40))).append("</text>");
            svg.append("<text class=\"value\" x=\"").append(num(left + w + 6)).append("\" y=\"").append(num(mid))
                    .append("\">").append(Html.escape(valueLabel.apply(bar.value))).append("</text>");
        }
        axes(svg, left, top, plotW, plotH);
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String id, String title, int width, int height, String colorClass) {
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg id=\"").append(Html.escape(id)).append("\" class=\"chart ").append(Html.escape(colorClass))
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" role=\"img\" aria-labelledby=\"")
                .append(Html.escape(id)).append("-title\"><title id=\"").append(Html.escape(id)).append("-title\">")
                .append(Html.escape(title)).append("</title>");
        return svg;
    }

    private static void axes(StringBuilder svg, int left, int top, double plotW, int plotH) {
        svg.append("<line class=\"axis\" x1=\"").append(left).append("\" y1=\"").append(top).append("\" x2=\"")
                .append(left).append("\" y2=\"").append(top + plotH).append("\"/>");
        svg.append("<line class=\"axis\" x1=\"").append(left).append("\" y1=\"").append(top + plotH)
                .append("\" x2=\"").append(num(left + plotW)).append("\" y2=\"").append(top + plotH).append("\"/>");
    }

    private static double max(List<Bar> bars) {
        double max = 0;
        for (Bar b : bars) {
            if (Double.isFinite(b.value)) {
                max = Math.max(max, b.value);
            }
        }
        return max;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** A value axis from 0 to a round maximum in a few round steps. */
    record Axis(double max, double step, int ticks) {

        static Axis of(double dataMax, Scale scale) {
            if (scale == Scale.PERCENT) {
                double top = dataMax <= 0 ? 100 : Math.min(100, niceStep(dataMax / 4) * 4);
                double step = niceStep(top / 4);
                int ticks = (int) Math.ceil(top / step - 1e-9);
                return new Axis(step * ticks, step, ticks);
            }
            if (dataMax <= 0) {
                return new Axis(1, scale == Scale.COUNT ? 1 : 0.25, scale == Scale.COUNT ? 1 : 4);
            }
            double step = niceStep(dataMax / 4);
            if (scale == Scale.COUNT) {
                step = Math.max(1, Math.ceil(step));
            }
            int ticks = (int) Math.ceil(dataMax / step - 1e-9);
            return new Axis(step * ticks, step, ticks);
        }

        /** 1, 2, 2.5 or 5 times a power of ten, at least {@code raw}. */
        static double niceStep(double raw) {
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double fraction = raw / magnitude;
            double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
            return nice * magnitude;
        }
    }
}
