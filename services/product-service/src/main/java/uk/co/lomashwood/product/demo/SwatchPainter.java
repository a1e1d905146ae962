package uk.co.lomashwood.product.demo;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Draws a small PNG of a run of cabinet doors in a colour: demo product photos made locally, no downloads. */
final class SwatchPainter {

    private static final int WIDTH = 480;
    private static final int HEIGHT = 320;

    private SwatchPainter() {
    }

    static byte[] paint(String hex, int doors, boolean kitchen, boolean handleless, int variant) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            Color base = Color.decode(hex);
            g.setPaint(new GradientPaint(0, 0, new Color(236, 232, 226), 0, HEIGHT, new Color(200, 194, 186)));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            int top = kitchen ? 150 : 30;
            int margin = 24 + variant * 6;
            int doorWidth = (WIDTH - 2 * margin) / doors;
            for (int i = 0; i < doors; i++) {
                int x = margin + i * doorWidth;
                g.setPaint(new GradientPaint(x, top, base.brighter(), x + doorWidth, HEIGHT - 20, base.darker()));
                g.fillRect(x + 2, top, doorWidth - 4, HEIGHT - 20 - top);
                g.setColor(base.darker());
                g.setStroke(new BasicStroke(2f));
                g.drawRect(x + 10, top + 10, doorWidth - 20, HEIGHT - 40 - top);
                if (!handleless) {
                    g.setColor(new Color(70, 70, 70));
                    g.fillRoundRect(x + doorWidth / 2 - 12, top + 18, 24, 5, 4, 4);
                }
            }
            if (kitchen) {
                g.setColor(new Color(90, 80, 70));
                g.fillRect(margin - 8, top - 14, WIDTH - 2 * margin + 16, 14);
                g.setColor(base);
                for (int i = 0; i < doors - 1; i++) {
                    g.fillRect(margin + i * doorWidth + 4, 30, doorWidth - 8, 80);
                }
            }
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
