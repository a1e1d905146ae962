package uk.co.lomashwood.order.invoice;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A top-down writing surface over PDFBox: A4 pages with a moving baseline, left and right aligned text in the
 * standard Helvetica fonts (characters they cannot encode are written as '?'), rules, and automatic page breaks.
 */
final class PdfCanvas implements AutoCloseable {

    static final float LEFT = 40;
    static final float RIGHT = PDRectangle.A4.getWidth() - 40;
    private static final float TOP = PDRectangle.A4.getHeight() - 40;
    private static final float BOTTOM = 60;

    private final PDDocument document = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final String footer;
    private PDPageContentStream page;
    private float y;
    private int pages;

    PdfCanvas(String title, String footer) {
        this.footer = footer;
        document.getDocumentInformation().setTitle(title);
        newPage();
    }

    /** Moves the baseline down by {@code height}, starting a new page when the bottom margin is reached. */
    void down(float height) {
        if (y - height < BOTTOM) {
            newPage();
        }
        y -= height;
    }

    void text(float x, String text, float size, boolean strong) {
        write(x, clean(text, strong), size, strong);
    }

    void right(float rightEdge, String text, float size, boolean strong) {
        String clean = clean(text, strong);
        write(rightEdge - width(clean, size, strong), clean, size, strong);
    }

    /** A new line per entry, each moving down by {@code leading}. */
    void lines(float x, List<String> lines, float size, float leading) {
        for (String line : lines) {
            down(leading);
            text(x, line, size, false);
        }
    }

    /** Splits {@code text} into lines no wider than {@code maxWidth}. */
    List<String> wrap(String text, float maxWidth, float size) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : clean(text, false).split(" ")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (!current.isEmpty() && width(candidate, size, false) > maxWidth) {
                lines.add(current.toString());
                current = new StringBuilder(word);
            } else {
                current = new StringBuilder(candidate);
            }
        }
        if (!current.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }

    void rule() {
        try {
            page.setLineWidth(0.5f);
            page.moveTo(LEFT, y - 4);
            page.lineTo(RIGHT, y - 4);
            page.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] toPdf() {
        try {
            page.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void newPage() {
        try {
            if (page != null) {
                page.close();
            }
            PDPage next = new PDPage(PDRectangle.A4);
            document.addPage(next);
            page = new PDPageContentStream(document, next);
            pages++;
            y = BOTTOM - 30;
            write(LEFT, clean(footer, false), 7, false);
            write(RIGHT - width("Page " + pages, 7, false), "Page " + pages, 7, false);
            y = TOP;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(float x, String text, float size, boolean strong) {
        try {
            page.beginText();
            page.setFont(strong ? bold : regular, size);
            page.newLineAtOffset(x, y);
            page.showText(text);
            page.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private float width(String text, float size, boolean strong) {
        try {
            return (strong ? bold : regular).getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String clean(String text, boolean strong) {
        if (text == null) {
            return "";
        }
        PDType1Font font = strong ? bold : regular;
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String ch = Character.isWhitespace(cp) ? " " : new String(Character.toChars(cp));
            out.append(encodable(font, ch) ? ch : "?");
        });
        return out.toString();
    }

    private static boolean encodable(PDType1Font font, String ch) {
        try {
            font.encode(ch);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
