package org.metroledger.gateway.qr;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A printable 50 × 30 mm instrument sticker (PDF): the QR code on the left, the certificate
 * number, valid-until date and conformity on the right, the lab along the bottom. Chinese text needs a CJK TrueType
 * font; without one the label is printed in English and ASCII only, never failing.
 */
public final class CertificateLabel {
    /**
     * Debian's fonts-wqy-zenhei, then fonts-arphic-uming: TrueType-outline collections PDFBox can
     * subset. fonts-noto-cjk is listed last only to show it was considered: its CFF outlines are
     * skipped.
     */
    public static final List<Path> CJK_FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"),
            Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"));

    private static final float MM = 72f / 25.4f;
    private static final float WIDTH = 50 * MM;
    private static final float HEIGHT = 30 * MM;
    private static final float MARGIN = 1.5f * MM;
    private static final float QR_SIDE = 22 * MM;
    private static final float MIN_SIZE = 4;

    private final List<Path> fontCandidates;

    public CertificateLabel(List<Path> fontCandidates) {
        this.fontCandidates = List.copyOf(fontCandidates);
    }

    /** A label maker using the Debian CJK fonts when they are installed. */
    public static CertificateLabel withSystemFonts() {
        return new CertificateLabel(CJK_FONTS);
    }

    public byte[] pdf(LabelContent content) {
        try (PDDocument document = new PDDocument();
                FontChoice font = chooseFont(document)) {
            PDPage page = new PDPage(new PDRectangle(WIDTH, HEIGHT));
            document.addPage(page);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("MetroLedger " + content.certificateId());
            try (PDPageContentStream canvas = new PDPageContentStream(document, page)) {
                drawQr(canvas, QrCode.of(content.url()));
                drawText(canvas, font, content);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write label PDF", e);
        }
    }

    /** True when labels will carry Chinese text (a CJK font was found and loads). */
    public boolean printsChinese() {
        try (PDDocument document = new PDDocument();
                FontChoice font = chooseFont(document)) {
            return font.chinese();
        } catch (IOException e) {
            return false;
        }
    }

    private static void drawQr(PDPageContentStream canvas, QrCode code) throws IOException {
        // The sticker's white border already gives most of the quiet zone; keep one module of it.
        int offset = QrCode.QUIET_ZONE - 1;
        float module = QR_SIDE / (code.size() - 2 * offset);
        canvas.setNonStrokingColor(0f, 0f, 0f);
        for (int y = offset; y < code.size() - offset; y++) {
            int x = offset;
            while (x < code.size() - offset) {
                if (!code.dark(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < code.size() - offset && code.dark(x, y)) {
                    x++;
                }
                canvas.addRect(
                        MARGIN + (start - offset) * module,
                        HEIGHT - MARGIN - (y - offset + 1) * module,
                        (x - start) * module,
                        module);
            }
        }
        canvas.fill();
    }

    /** Right of the QR code: title, number, valid-until, conformity; under it, the lab across the sticker. */
    private static void drawText(PDPageContentStream canvas, FontChoice font, LabelContent content) throws IOException {
        boolean zh = font.chinese();
        float left = MARGIN + QR_SIDE + 1.5f * MM;
        float column = WIDTH - left - MARGIN;
        float top = HEIGHT - MARGIN;
        List<Line> lines = List.of(
                new Line(zh ? "计量证书 扫码核验" : "Scan to verify", 5.5f, left, top - 5, column),
                new Line(zh ? "证书编号" : "Certificate No.", 4.5f, left, top - 12, column),
                new Line(content.certificateId(), 6.5f, left, top - 19, column),
                new Line(zh ? "有效期至" : "Valid until", 4.5f, left, top - 27, column),
                new Line(ChinaDate.date(content.validUntil()), 7, left, top - 34.5f, column),
                new Line(conformity(content.conformity(), zh), 6.5f, left, top - 44, column),
                new Line((zh ? "检定/校准机构 " : "Lab ") + labName(content, zh), 5, MARGIN, MARGIN + 1, WIDTH - 2 * MARGIN));
        canvas.setNonStrokingColor(0f, 0f, 0f);
        for (Line line : lines) {
            String text = printable(line.text(), zh);
            float size = shrunk(font, text, line.size(), line.width());
            canvas.beginText();
            canvas.setFont(font.font(), size);
            canvas.newLineAtOffset(line.x(), line.y());
            canvas.showText(fit(font, text, size, line.width()));
            canvas.endText();
        }
    }

    private record Line(String text, float size, float x, float y, float width) {}

    private static String labName(LabelContent content, boolean zh) {
        String name = content.labName();
        return name != null && !name.isBlank() && (zh || isAscii(name)) ? name : content.labId();
    }

    private static String conformity(String conformity, boolean zh) {
        return switch (conformity) {
            case "PASS" -> zh ? "合格 PASS" : "PASS";
            case "FAIL" -> zh ? "不合格 FAIL" : "FAIL";
            default -> zh ? "校准 (无判定)" : "calibration (no decision)";
        };
    }

    /** A smaller size, down to 4 pt, for text that does not fit at its own. */
    private static float shrunk(FontChoice font, String text, float size, float width) throws IOException {
        float fitting = width * 1000 / font.font().getStringWidth(text);
        return Math.max(MIN_SIZE, Math.min(size, fitting));
    }

    /** Shortens text with an ellipsis until it fits the column. */
    private static String fit(FontChoice font, String text, float size, float width) throws IOException {
        String shown = text;
        while (shown.length() > 1 && font.font().getStringWidth(shown) / 1000 * size > width) {
            shown = shown.substring(0, shown.length() - 2) + "…";
        }
        return shown;
    }

    /** Standard 14 fonts carry only WinAnsi glyphs: anything else becomes '?' rather than failing. */
    private static String printable(String text, boolean zh) {
        if (zh) {
            return text.replaceAll("\\p{Cntrl}", " ");
        }
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
        return out.toString();
    }

    private static boolean isAscii(String text) {
        return text != null && text.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    private FontChoice chooseFont(PDDocument document) {
        for (Path candidate : fontCandidates) {
            if (!Files.isReadable(candidate)) {
                continue;
            }
            TrueTypeCollection collection = null;
            try {
                collection = new TrueTypeCollection(new File(candidate.toString()));
                TrueTypeFont[] first = new TrueTypeFont[1];
                collection.processAllFonts(ttf -> {
                    // PDFBox subsets only glyf outlines; CFF-flavoured collections (Noto CJK) fail at save.
                    if (first[0] == null && !(ttf instanceof OpenTypeFont otf && otf.isPostScript())) {
                        first[0] = ttf;
                    }
                });
                if (first[0] != null) {
                    return new FontChoice(PDType0Font.load(document, first[0], true), true, collection);
                }
            } catch (IOException | RuntimeException e) {
                // A damaged or unsupported font file: try the next one, and at worst print ASCII.
            }
            closeQuietly(collection);
        }
        return new FontChoice(new PDType1Font(Standard14Fonts.FontName.HELVETICA), false, null);
    }

    private static void closeQuietly(TrueTypeCollection collection) {
        if (collection == null) {
            return;
        }
        try {
            collection.close();
        } catch (IOException e) {
            // Only a read handle of a font file we no longer use; nothing was written.
        }
    }

    /** The font a label is drawn with; a collection file stays open until the PDF is saved. */
    private record FontChoice(PDFont font, boolean chinese, TrueTypeCollection collection) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (collection != null) {
                collection.close();
            }
        }
    }
}
