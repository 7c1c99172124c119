package dev.autoencoder.data.write;

import dev.autoencoder.data.ImageShape;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Draws an {@link ImageGrid} on a white canvas: the title, the column titles, then each image
 * enlarged (nearest neighbour, so pixels stay sharp) with its caption underneath. Images of
 * different sizes (a low-resolution input beside its reconstruction) are drawn at the same display
 * size so that they line up.
 */
final class GridRenderer {
    private static final Color TEXT = new Color(0x20, 0x20, 0x20);

    private final GridStyle style;

    GridRenderer(GridStyle style) {
        this.style = style;
    }

    BufferedImage render(ImageGrid grid) {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, style.fontSize());
        Font titleFont = font.deriveFont(Font.BOLD, style.fontSize() * 1.25f);
        int largestSide = largestSide(grid);
        int imageSide = largestSide * style.zoomFor(largestSide);
        FontMetrics metrics = metrics(font);
        int cellWidth = Math.max(imageSide, widestText(metrics, grid) + style.gap());
        int gap = style.gap();
        int titleHeight = grid.title().isEmpty() ? 0 : metrics(titleFont).getHeight() + gap;
        int headerHeight = grid.columnTitles().isEmpty() ? 0 : metrics.getHeight() + gap;
        int captionHeight = grid.hasCaptions() ? metrics.getHeight() : 0;
        int rowHeight = imageSide + captionHeight + gap;
        int columns = grid.columnCount();
        int width = Math.max(gap + columns * (cellWidth + gap), titleWidth(grid, titleFont) + 2 * gap);
        int height = gap + titleHeight + headerHeight + grid.rows().size() * rowHeight;
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.setColor(TEXT);
            if (titleHeight > 0) {
                g.setFont(titleFont);
                g.drawString(grid.title(), gap, gap + g.getFontMetrics().getAscent());
            }
            g.setFont(font);
            int top = gap + titleHeight;
            for (int c = 0; c < grid.columnTitles().size(); c++) {
                drawCentered(g, grid.columnTitles().get(c), gap + c * (cellWidth + gap), cellWidth,
                        top + g.getFontMetrics().getAscent());
            }
            top += headerHeight;
            for (List<ImageGrid.Cell> row : grid.rows()) {
                drawRow(g, row, top, cellWidth, imageSide);
                top += rowHeight;
            }
        } finally {
            g.dispose();
        }
        return canvas;
    }

    private void drawRow(Graphics2D g, List<ImageGrid.Cell> row, int top, int cellWidth, int imageSide) {
        int gap = style.gap();
        for (int c = 0; c < row.size(); c++) {
            ImageGrid.Cell cell = row.get(c);
            int left = gap + c * (cellWidth + gap);
            BufferedImage image = SampleImages.render(cell.samples(), cell.index(), style);
            g.drawImage(image, left + (cellWidth - imageSide) / 2, top, imageSide, imageSide, null);
            if (!cell.caption().isEmpty()) {
                drawCentered(g, cell.caption(), left, cellWidth, top + imageSide + g.getFontMetrics().getAscent());
            }
        }
    }

    private static void drawCentered(Graphics2D g, String text, int left, int width, int baseline) {
        int textWidth = g.getFontMetrics().stringWidth(text);
        g.drawString(text, left + (width - textWidth) / 2, baseline);
    }

    private static int largestSide(ImageGrid grid) {
        int side = 1;
        for (List<ImageGrid.Cell> row : grid.rows()) {
            for (ImageGrid.Cell cell : row) {
                ImageShape shape = ImageShape.of(cell.samples().sampleShape());
                side = Math.max(side, Math.max(shape.height(), shape.width()));
            }
        }
        return side;
    }

    private static int widestText(FontMetrics metrics, ImageGrid grid) {
        int widest = grid.columnTitles().stream().mapToInt(metrics::stringWidth).max().orElse(0);
        for (List<ImageGrid.Cell> row : grid.rows()) {
            for (ImageGrid.Cell cell : row) {
                widest = Math.max(widest, metrics.stringWidth(cell.caption()));
            }
        }
        return widest;
    }

    private static int titleWidth(ImageGrid grid, Font titleFont) {
        return metrics(titleFont).stringWidth(grid.title());
    }

    private static FontMetrics metrics(Font font) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            return g.getFontMetrics(font);
        } finally {
            g.dispose();
        }
    }
}
