package io.dictdb.bench.report;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The bar chart of the report: for each workload and each peer, how many times faster DictDB is, on a log scale
 * with a line at 1× (bars above it: DictDB faster; below: DictDB slower), one panel per table size. Drawn with
 * java.awt (headless).
 */
final class RatioChart {

    /** The ratio of a workload, peer and table size, or {@code null} when not measured (n/a). */
    interface Ratios {
        Double ratio(Workload workload, String peer, int rows);
    }

    static final Color[] COLORS = {
            new Color(0x1f77b4), // H2
            new Color(0xff7f0e), // HSQLDB
            new Color(0x2ca02c), // SQLite
            new Color(0x9467bd), // CQEngine
            new Color(0x7f7f7f), // collections floor
    };

    private static final int WIDTH = 1500;
    private static final int PANEL_HEIGHT = 430;
    private static final int TOP = 128;
    private static final int LEFT = 90;
    private static final int RIGHT = 30;
    private static final int PANEL_GAP = 95;

    private RatioChart() {
    }

    static void draw(Path file, List<Workload> workloads, List<String> peers, List<Integer> rowSizes, Ratios ratios,
                     String subtitle) {
        double minLog = 0;
        double maxLog = 0;
        for (Workload w : workloads) {
            for (String p : peers) {
                for (int rows : rowSizes) {
                    Double r = ratios.ratio(w, p, rows);
                    if (r != null && r > 0) {
                        minLog = Math.min(minLog, Math.log10(r));
                        maxLog = Math.max(maxLog, Math.log10(r));
                    }
                }
            }
        }
        // Room beyond the extreme bars for their value labels.
        int lo = (int) Math.floor(minLog - 0.6);
        int hi = (int) Math.ceil(maxLog + 0.4);
        lo = Math.min(lo, -1);
        hi = Math.max(hi, 1);

        int height = TOP + rowSizes.size() * (PANEL_HEIGHT + PANEL_GAP) - PANEL_GAP + 60;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);

        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
        g.drawString("How many times faster DictDB is than each peer (log scale; above 1× = DictDB faster)", LEFT,
                34);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        int y = 56;
        for (String line : wrap(subtitle, g.getFontMetrics(), WIDTH - LEFT - RIGHT)) {
            g.drawString(line, LEFT, y);
            y += 18;
        }
        drawLegend(g, peers, LEFT, y + 14);

        for (int i = 0; i < rowSizes.size(); i++) {
            int y0 = TOP + i * (PANEL_HEIGHT + PANEL_GAP) + 30;
            drawPanel(g, workloads, peers, rowSizes.get(i), ratios, y0, lo, hi);
        }
        g.dispose();
        try {
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static void drawLegend(Graphics2D g, List<String> peers, int x, int y) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < peers.size(); i++) {
            g.setColor(COLORS[i % COLORS.length]);
            g.fillRect(x, y - 12, 16, 14);
            g.setColor(Color.BLACK);
            String name = "vs " + SystemInfo.shortName(peers.get(i));
            g.drawString(name, x + 22, y);
            x += 22 + fm.stringWidth(name) + 28;
        }
    }

    private static void drawPanel(Graphics2D g, List<Workload> workloads, List<String> peers, int rows,
                                  Ratios ratios, int y0, int lo, int hi) {
        int plotLeft = LEFT;
        int plotRight = WIDTH - RIGHT;
        int plotTop = y0 + 12;
        int plotBottom = y0 + PANEL_HEIGHT - 50;
        double span = hi - lo;

        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        g.drawString(String.format(Locale.ROOT, "%,d rows", rows).replace(',', ' '), plotLeft, y0);

        // decade grid and labels
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        FontMetrics fm = g.getFontMetrics();
        for (int d = lo; d <= hi; d++) {
            int y = yOf(d, lo, span, plotTop, plotBottom);
            g.setColor(d == 0 ? Color.BLACK : new Color(0xdddddd));
            g.setStroke(new BasicStroke(d == 0 ? 2.2f : 1f));
            g.drawLine(plotLeft, y, plotRight, y);
            g.setColor(Color.BLACK);
            String label = decadeLabel(d);
            g.drawString(label, plotLeft - 8 - fm.stringWidth(label), y + 5);
        }
        g.setStroke(new BasicStroke(1f));
        g.drawLine(plotLeft, plotTop, plotLeft, plotBottom);

        int groups = workloads.size();
        double groupWidth = (plotRight - plotLeft) / (double) groups;
        double barWidth = groupWidth * 0.8 / peers.size();
        int y1 = yOf(0, lo, span, plotTop, plotBottom);
        for (int gi = 0; gi < groups; gi++) {
            Workload w = workloads.get(gi);
            double gx = plotLeft + gi * groupWidth + groupWidth * 0.1;
            for (int pi = 0; pi < peers.size(); pi++) {
                int x = (int) Math.round(gx + pi * barWidth);
                int bw = (int) Math.max(2, Math.round(barWidth) - 3);
                Double r = ratios.ratio(w, peers.get(pi), rows);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
                if (r == null || !(r > 0)) {
                    g.setColor(new Color(0x999999));
                    drawVertical(g, "n/a", x + bw / 2 + 4, y1 - 6);
                    continue;
                }
                double logR = Math.log10(r);
                int y = yOf(logR, lo, span, plotTop, plotBottom);
                g.setColor(COLORS[pi % COLORS.length]);
                if (y <= y1) {
                    g.fillRect(x, y, bw, Math.max(1, y1 - y));
                } else {
                    g.fillRect(x, y1, bw, Math.max(1, y - y1));
                }
                g.setColor(Color.BLACK);
                String text = ratioLabel(r);
                if (y <= y1) {
                    drawVertical(g, text, x + bw / 2 + 4, y - 4);
                } else {
                    drawVertical(g, text, x + bw / 2 + 4, y + 4 + g.getFontMetrics().stringWidth(text));
                }
            }
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            String label = w.label;
            int lw = g.getFontMetrics().stringWidth(label);
            g.drawString(label, (int) (plotLeft + gi * groupWidth + (groupWidth - lw) / 2), plotBottom + 22);
        }
    }

    private static List<String> wrap(String text, FontMetrics fm, int width) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && fm.stringWidth(line + " " + word) > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private static int yOf(double log, int lo, double span, int top, int bottom) {
        return (int) Math.round(bottom - (log - lo) / span * (bottom - top));
    }

    /** Text drawn upwards, its baseline starting at (x, y). */
    private static void drawVertical(Graphics2D g, String text, int x, int y) {
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        g.rotate(-Math.PI / 2);
        g.drawString(text, 0, 0);
        g.setTransform(saved);
    }

    private static String decadeLabel(int d) {
        if (d >= 0) {
            return String.format(Locale.ROOT, "%,d×", (long) Math.pow(10, d)).replace(',', ' ');
        }
        return BigDecimalText.of(Math.pow(10, d)) + "×";
    }

    static String ratioLabel(double r) {
        if (r == 0) {
            return "0×";
        }
        if (r >= 100) {
            return String.format(Locale.ROOT, "%.0f×", r);
        }
        if (r >= 10) {
            return String.format(Locale.ROOT, "%.1f×", r);
        }
        if (r >= 0.1) {
            return String.format(Locale.ROOT, "%.2f×", r);
        }
        return String.format(Locale.ROOT, "%.3f×", r);
    }

    /** Plain decimal text of powers of ten below 1 (0.1, 0.01, ...). */
    private static final class BigDecimalText {
        static String of(double v) {
            return new java.math.BigDecimal(v).round(new java.math.MathContext(1)).stripTrailingZeros()
                    .toPlainString();
        }
    }
}
