package vn.motcua.report.signoff;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.CubicCurve2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/** The PNGs an office scans: a blue handwritten signature and a red round seal, on transparent backgrounds. */
final class Images {

    private Images() {
    }

    static Path signature(Path file) throws IOException {
        BufferedImage image = new BufferedImage(400, 160, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = start(image, new Color(20, 50, 180));
        g.setStroke(new BasicStroke(7, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new CubicCurve2D.Float(20, 120, 90, -40, 150, 200, 220, 60));
        g.draw(new CubicCurve2D.Float(220, 60, 260, 0, 300, 170, 380, 40));
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    static Path seal(Path file) throws IOException {
        BufferedImage image = new BufferedImage(300, 300, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = start(image, new Color(210, 20, 30));
        g.setStroke(new BasicStroke(10));
        g.drawOval(10, 10, 280, 280);
        g.setStroke(new BasicStroke(4));
        g.drawOval(40, 40, 220, 220);
        g.setFont(new Font(Font.SERIF, Font.BOLD, 34));
        g.drawString("TTHCC", 95, 165);
        g.fillPolygon(new int[] {150, 160, 185, 163, 170, 150, 130, 137, 115, 140}, new int[] {70, 95, 95, 110, 135,
                120, 135, 110, 95, 95}, 10);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static Graphics2D start(BufferedImage image, Color ink) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(ink);
        return g;
    }
}
