package org.metroledger.gateway.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

public class QrCodeTest {
    private final String url = QrCode.url("https://verify.metroledger.cn/", new TokenFixture().token());

    @Test
    void the_url_joins_the_base_and_the_token_under_v() {
        assertThat(QrCode.url("http://localhost:8080", "ML1.a.b")).isEqualTo("http://localhost:8080/v/ML1.a.b");
        assertThat(url).startsWith("https://verify.metroledger.cn/v/ML1.");
    }

    @Test
    void the_png_decodes_back_to_the_token_url() throws Exception {
        BufferedImage image =
                ImageIO.read(new ByteArrayInputStream(QrCode.of(url).png(4)));

        assertThat(decode(image)).isEqualTo(url);
    }

    @Test
    void the_svg_path_decodes_back_to_the_token_url() throws Exception {
        String svg = QrCode.of(url).svg();

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").doesNotContain("<script");
        assertThat(decode(rasterise(svg, 4))).isEqualTo(url);
    }

    @Test
    void text_too_long_for_any_qr_code_is_refused_plainly() {
        assertThatThrownBy(() -> QrCode.of("x".repeat(5000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not fit");
    }

    /** Paints the SVG's rectangles ("M x y h w v1 h-w z") onto a white image: the path we emit, read back. */
    private static BufferedImage rasterise(String svg, int scale) {
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertThat(box.find()).isTrue();
        int size = Integer.parseInt(box.group(1));
        BufferedImage image = new BufferedImage(size * scale, size * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, 0xffffff);
            }
        }
        Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z").matcher(svg);
        int runs = 0;
        while (run.find()) {
            runs++;
            int x0 = Integer.parseInt(run.group(1));
            int y0 = Integer.parseInt(run.group(2));
            int w = Integer.parseInt(run.group(3));
            assertThat(run.group(4)).isEqualTo(run.group(3));
            for (int y = y0 * scale; y < (y0 + 1) * scale; y++) {
                for (int x = x0 * scale; x < (x0 + w) * scale; x++) {
                    image.setRGB(x, y, 0);
                }
            }
        }
        assertThat(runs).isPositive();
        return image;
    }

    public static String decode(BufferedImage image) throws NotFoundException, ChecksumException, FormatException {
        LuminanceSource source = new BufferedImageLuminanceSource(image);
        return new QRCodeReader()
                .decode(
                        new BinaryBitmap(new HybridBinarizer(source)),
                        Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                .getText();
    }

    /** Finds and decodes a QR code anywhere in a larger image (a rendered label or screenshot). */
    static String decodeAnywhere(BufferedImage image) throws NotFoundException, ChecksumException, FormatException {
        LuminanceSource source = new BufferedImageLuminanceSource(image);
        return new QRCodeReader()
                .decode(new BinaryBitmap(new HybridBinarizer(source)), Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                .getText();
    }
}
