package org.metroledger.gateway.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class CertificateLabelTest {
    private static final LabelContent CONTENT = new LabelContent(
            "CERT-2025-0001",
            "lab-north-1",
            "华北国家计量测试中心",
            "2026-06-01T00:00:00Z",
            "PASS",
            "https://verify.metroledger.cn/v/ML1.eyJjIjoiQyJ9.AAAA");

    @Test
    void the_label_opens_as_one_sticker_sized_page_with_the_certificate_number() throws Exception {
        byte[] pdf = CertificateLabel.withSystemFonts().pdf(CONTENT);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            PDRectangle box = document.getPage(0).getMediaBox();
            assertThat(box.getWidth() * 25.4 / 72).isCloseTo(50, org.assertj.core.data.Offset.offset(0.1));
            assertThat(box.getHeight() * 25.4 / 72).isCloseTo(30, org.assertj.core.data.Offset.offset(0.1));
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("CERT-2025-0001").contains("2026-06-01");
        }
    }

    @Test
    void with_a_cjk_font_the_label_is_in_chinese() throws Exception {
        CertificateLabel label = CertificateLabel.withSystemFonts();
        assumeTrue(label.printsChinese(), "no CJK font installed (apt-get install fonts-wqy-zenhei)");

        try (PDDocument document = Loader.loadPDF(label.pdf(CONTENT))) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("有效期至")
                    .contains("合格")
                    .contains("华北国家计量测试中心");
        }
    }

    @Test
    void without_any_cjk_font_the_label_falls_back_to_ascii_and_the_lab_id() throws Exception {
        CertificateLabel label = new CertificateLabel(List.of(Path.of("/nonexistent/font.ttc")));

        try (PDDocument document = Loader.loadPDF(label.pdf(CONTENT))) {
            String text = new PDFTextStripper().getText(document);
            assertThat(label.printsChinese()).isFalse();
            assertThat(text)
                    .contains("CERT-2025-0001")
                    .contains("Valid until")
                    .contains("2026-06-01")
                    .contains("lab-north-1");
        }
    }

    @Test
    void the_qr_code_on_the_label_scans_to_the_url() throws Exception {
        try (PDDocument document =
                Loader.loadPDF(CertificateLabel.withSystemFonts().pdf(CONTENT))) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 600);
            Path artefact = Path.of("target", "screenshots", "label.png");
            Files.createDirectories(artefact.getParent());
            ImageIO.write(image, "PNG", artefact.toFile());

            assertThat(QrCodeTest.decodeAnywhere(image)).isEqualTo(CONTENT.url());
        }
    }

    @Test
    void a_cff_outline_cjk_font_is_passed_over_rather_than_failing_at_save() throws Exception {
        Path noto = Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
        assumeTrue(Files.isReadable(noto), "fonts-noto-cjk is not installed");
        CertificateLabel label = new CertificateLabel(List.of(noto));

        try (PDDocument document = Loader.loadPDF(label.pdf(CONTENT))) {
            assertThat(label.printsChinese()).isFalse();
            assertThat(new PDFTextStripper().getText(document)).contains("CERT-2025-0001");
        }
    }
}
