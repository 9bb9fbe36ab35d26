package org.metroledger.gateway.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The QR code of a token's verification URL, as PNG or SVG. Error correction M survives a scuffed
 * sticker while keeping the code small enough to scan at arm's length.
 */
public final class QrCode {
    /** White modules around the code, as the QR specification asks. */
    public static final int QUIET_ZONE = 4;

    private final BitMatrix modules;

    private QrCode(BitMatrix modules) {
        this.modules = modules;
    }

    /** The code for any text, typically {@link #url}. */
    public static QrCode of(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("QR text is required");
        }
        try {
            // Size 0 lets ZXing answer one pixel per module, quiet zone included.
            return new QrCode(new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.MARGIN,
                                    QUIET_ZONE,
                                    EncodeHintType.CHARACTER_SET,
                                    "UTF-8")));
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit in a QR code: " + e.getMessage(), e);
        }
    }

    /** The URL a consumer's phone opens: the public base URL, {@code /v/}, then the token. */
    public static String url(String publicBaseUrl, String token) {
        String base =
                publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        return base + "/v/" + token;
    }

    /** Modules per side, quiet zone included. */
    public int size() {
        return modules.getWidth();
    }

    /** True for a dark module at column x, row y (quiet zone included). */
    public boolean dark(int x, int y) {
        return modules.get(x, y);
    }

    public byte[] png(int pixelsPerModule) {
        if (pixelsPerModule < 1 || pixelsPerModule > 64) {
            throw new IllegalArgumentException("pixelsPerModule must be 1-64, not " + pixelsPerModule);
        }
        BitMatrix scaled = new BitMatrix(size() * pixelsPerModule);
        for (int y = 0; y < size(); y++) {
            for (int x = 0; x < size(); x++) {
                if (dark(x, y)) {
                    scaled.setRegion(x * pixelsPerModule, y * pixelsPerModule, pixelsPerModule, pixelsPerModule);
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            MatrixToImageWriter.writeToStream(scaled, "PNG", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write PNG", e);
        }
        return out.toByteArray();
    }

    /**
     * An SVG with one path: each horizontal run of dark modules is one rectangle, in module units,
     * so the image scales to any size without blurring.
     */
    public String svg() {
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < size(); y++) {
            int x = 0;
            while (x < size()) {
                if (!dark(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < size() && dark(x, y)) {
                    x++;
                }
                int run = x - start;
                path.append('M').append(start).append(' ').append(y);
                path.append('h').append(run).append("v1h-").append(run).append('z');
            }
        }
        int n = size();
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + n + " " + n + "\" width=\"" + n * 8
                + "\" height=\"" + n * 8 + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"" + n + "\" height=\"" + n + "\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
