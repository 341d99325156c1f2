package kz.adal.platform;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Printable documents the department or commission files on paper (passports, conclusions,
 * protocols, reports). Embeds DejaVu Sans so Kazakh and Russian letters print correctly.
 * Usage: {@code PdfDocument.create("Title").heading("..").fields(...).table(...).bytes()}.
 */
public final class PdfDocument {
    private static final byte[] REGULAR = load("/fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = load("/fonts/DejaVuSans-Bold.ttf");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Document doc = new Document(PageSize.A4, 48, 48, 48, 48);
    private final Font body;
    private final Font small;
    private final Font bold;
    private final Font title;

    private PdfDocument(String titleText) {
        try {
            BaseFont regular = BaseFont.createFont("DejaVuSans.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, REGULAR, null);
            BaseFont heavy = BaseFont.createFont("DejaVuSans-Bold.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, BOLD, null);
            body = new Font(regular, 10);
            small = new Font(regular, 8);
            bold = new Font(heavy, 10);
            title = new Font(heavy, 15);
            PdfWriter.getInstance(doc, out);
            doc.addTitle(titleText);
            doc.addCreator("Adal");
            doc.open();
            Paragraph p = new Paragraph(titleText, title);
            p.setSpacingAfter(10);
            doc.add(p);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("PDF could not be started", e);
        }
    }

    public static PdfDocument create(String title) {
        return new PdfDocument(title);
    }

    /**
     * An official document on the institution's letterhead (see {@link OfficialDocuments}): the logo and
     * the institution's name centred above the title, then the subject line and the day it was printed.
     */
    public static PdfDocument official(byte[] logo, String institution, String title, String subject, String printed) {
        return new PdfDocument(logo, institution, title, subject, printed);
    }

    private PdfDocument(byte[] logo, String institution, String titleText, String subject, String printed) {
        try {
            BaseFont regular = BaseFont.createFont("DejaVuSans.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, REGULAR, null);
            BaseFont heavy = BaseFont.createFont("DejaVuSans-Bold.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, BOLD, null);
            body = new Font(regular, 10);
            small = new Font(regular, 8);
            bold = new Font(heavy, 10);
            title = new Font(heavy, 14);
            PdfWriter.getInstance(doc, out);
            doc.addTitle(titleText);
            doc.addCreator("Adal");
            doc.open();
            if (logo != null) {
                try {
                    Image img = Image.getInstance(logo);
                    img.scaleToFit(64, 64);
                    img.setAlignment(Element.ALIGN_CENTER);
                    doc.add(img);
                } catch (IOException | RuntimeException e) {
                    // an unreadable logo leaves the letterhead without it rather than failing the document
                }
            }
            Paragraph inst = new Paragraph(institution, bold);
            inst.setAlignment(Element.ALIGN_CENTER);
            inst.setSpacingAfter(8);
            doc.add(inst);
            Paragraph p = new Paragraph(titleText, title);
            p.setAlignment(Element.ALIGN_CENTER);
            doc.add(p);
            if (subject != null && !subject.isBlank()) {
                Paragraph s = new Paragraph(subject, new Font(heavy, 11));
                s.setAlignment(Element.ALIGN_CENTER);
                doc.add(s);
            }
            Paragraph d = new Paragraph(printed, small);
            d.setAlignment(Element.ALIGN_RIGHT);
            d.setSpacingAfter(8);
            doc.add(d);
        } catch (DocumentException e) {
            throw new IllegalStateException("PDF could not be started", e);
        } catch (IOException e) {
            throw new IllegalStateException("PDF fonts could not be read", e);
        }
    }

    public PdfDocument heading(String text) {
        Paragraph p = new Paragraph(text, new Font(bold.getBaseFont(), 12));
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        return add(p);
    }

    public PdfDocument paragraph(String text) {
        Paragraph p = new Paragraph(text == null ? "" : text, body);
        p.setSpacingAfter(4);
        return add(p);
    }

    public PdfDocument note(String text) {
        return add(new Paragraph(text == null ? "" : text, small));
    }

    /** Label/value pairs as a two-column table. */
    public PdfDocument fields(List<String[]> pairs) {
        PdfPTable t = new PdfPTable(new float[]{1f, 2.2f});
        t.setWidthPercentage(100);
        for (String[] kv : pairs) {
            t.addCell(cell(kv[0], bold));
            t.addCell(cell(kv.length > 1 ? kv[1] : "", body));
        }
        return add(t);
    }

    public PdfDocument table(List<String> header, List<List<String>> rows, float... widths) {
        PdfPTable t = widths.length == header.size() ? new PdfPTable(widths) : new PdfPTable(header.size());
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        for (String h : header) {
            PdfPCell c = cell(h, bold);
            c.setGrayFill(0.9f);
            t.addCell(c);
        }
        for (List<String> row : rows) for (String v : row) t.addCell(cell(v, body));
        return add(t);
    }

    public PdfDocument image(byte[] jpegOrPng, float maxWidth) {
        try {
            Image img = Image.getInstance(jpegOrPng);
            if (img.getWidth() > maxWidth) img.scaleToFit(maxWidth, maxWidth * img.getHeight() / img.getWidth());
            return add(img);
        } catch (IOException | RuntimeException e) {
            return paragraph("[image could not be read]");
        }
    }

    /**
     * A picture with its caption directly under it, kept together on one page so that a caption never
     * ends up beside someone else's picture; {@code unreadable} is printed instead of a broken picture.
     */
    public PdfDocument figure(byte[] jpegOrPng, float maxWidth, String caption, String unreadable) {
        PdfPTable t = new PdfPTable(1);
        t.setWidthPercentage(100 * Math.min(1f, (maxWidth + 8) / (doc.getPageSize().getWidth() - 96)));
        t.setHorizontalAlignment(Element.ALIGN_LEFT);
        t.setKeepTogether(true);
        t.setSpacingAfter(6);
        PdfPCell pic;
        try {
            Image img = Image.getInstance(jpegOrPng);
            if (img.getWidth() > maxWidth) img.scaleToFit(maxWidth, maxWidth * img.getHeight() / img.getWidth());
            pic = new PdfPCell(img, false);
        } catch (IOException | RuntimeException e) {
            pic = cell(unreadable, small);
        }
        pic.setBorder(0);
        pic.setPadding(2);
        t.addCell(pic);
        PdfPCell cap = cell(caption, small);
        cap.setBorder(0);
        cap.setPaddingTop(1);
        t.addCell(cap);
        return add(t);
    }

    public PdfDocument signatureLines(List<String> who) {
        PdfPTable t = new PdfPTable(new float[]{2f, 1.5f, 1f});
        t.setWidthPercentage(100);
        t.setSpacingBefore(18);
        for (String w : who) {
            t.addCell(borderless(w, body));
            t.addCell(borderless("_____________________", body));
            t.addCell(borderless("«___» ________ 20__", small));
        }
        return add(t);
    }

    public byte[] bytes() {
        doc.close();
        return out.toByteArray();
    }

    private PdfDocument add(Element e) {
        try {
            doc.add(e);
        } catch (DocumentException ex) {
            throw new IllegalStateException("PDF element could not be added", ex);
        }
        return this;
    }

    private static PdfPCell cell(String text, Font f) {
        PdfPCell c = new PdfPCell(new Phrase(new Chunk(text == null ? "" : text, f)));
        c.setPadding(4);
        return c;
    }

    private static PdfPCell borderless(String text, Font f) {
        PdfPCell c = cell(text, f);
        c.setBorder(0);
        c.setPaddingTop(10);
        return c;
    }

    private static byte[] load(String resource) {
        try (InputStream in = PdfDocument.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing font " + resource);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
