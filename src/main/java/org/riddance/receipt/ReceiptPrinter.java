package org.riddance.receipt;

import java.awt.print.Book;
import java.awt.print.PrinterException;
import java.awt.print.PrinterJob;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.print.DocFlavor;
import javax.print.DocPrintJob;
import javax.print.PrintException;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import javax.print.SimpleDoc;
import javax.print.attribute.HashPrintRequestAttributeSet;
import javax.print.attribute.PrintRequestAttributeSet;
import javax.print.attribute.standard.JobName;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.printing.PDFPageable;
import org.apache.pdfbox.printing.PDFPrintable;
import org.apache.pdfbox.printing.Scaling;

/**
 * Prints the receipt PDF through the OS's printing system. Where the printer takes PDF (CUPS on Linux and macOS)
 * the file's own bytes are sent, so what prints is exactly what was signed and checked. Elsewhere PDFBox draws
 * the page at actual size. Redrawing through Java's PostScript path on CUPS left about one printed QR code in
 * fifteen unreadable at 200 dpi, though every module was right; sending the PDF leaves nothing to redraw.
 */
public final class ReceiptPrinter {

    private ReceiptPrinter() {
    }

    public static List<String> printers() {
        return Arrays.stream(PrintServiceLookup.lookupPrintServices(null, null)).map(PrintService::getName).toList();
    }

    /** Prints to the named printer without asking: for the command line and tests. */
    public static void print(Path pdf, String printerName) throws IOException, PrinterException {
        print(pdf, java.util.Optional.of(printerName), 1);
    }

    /**
     * Prints without asking, to the named printer or else the system's default one.
     *
     * @throws PrinterException naming what is wrong: no such printer (with the known ones), no printer at all, or
     *                          the queue refused the job
     */
    public static void print(Path pdf, java.util.Optional<String> printerName, int copies)
            throws IOException, PrinterException {
        PrintService service;
        if (printerName.isPresent()) {
            service = Arrays.stream(PrintServiceLookup.lookupPrintServices(null, null))
                    .filter(s -> s.getName().equals(printerName.get())).findFirst()
                    .orElseThrow(() -> new PrinterException("No printer named '" + printerName.get() + "'"
                            + (printers().isEmpty() ? "; this computer has no printer set up" : "; known: " + printers())));
        } else {
            service = PrintServiceLookup.lookupDefaultPrintService();
            if (service == null) {
                throw new PrinterException(printers().isEmpty() ? "This computer has no printer set up"
                        : "There is no default printer; name one with --printer (known: " + printers() + ")");
            }
        }
        PrintRequestAttributeSet attributes = attributes(pdf);
        attributes.add(new javax.print.attribute.standard.Copies(Math.max(1, copies)));
        print(pdf, service, attributes);
    }

    /**
     * Shows the print dialog (printer, copies) and prints if the technician confirms.
     *
     * @return false when the dialog was cancelled
     */
    public static boolean printWithDialog(Path pdf) throws IOException, PrinterException {
        PrinterJob chooser = PrinterJob.getPrinterJob();
        PrintRequestAttributeSet attributes = attributes(pdf);
        if (!chooser.printDialog(attributes) || chooser.getPrintService() == null) {
            return false;
        }
        print(pdf, chooser.getPrintService(), attributes);
        return true;
    }

    private static void print(Path pdf, PrintService service, PrintRequestAttributeSet attributes)
            throws IOException, PrinterException {
        if (service.isDocFlavorSupported(DocFlavor.INPUT_STREAM.PDF)) {
            DocPrintJob job = service.createPrintJob();
            try (InputStream in = Files.newInputStream(pdf)) {
                job.print(new SimpleDoc(in, DocFlavor.INPUT_STREAM.PDF, null), attributes);
            } catch (PrintException e) {
                throw new PrinterException("The printer refused the receipt: " + e.getMessage());
            }
            return;
        }
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PrinterJob job = PrinterJob.getPrinterJob();
            job.setPrintService(service);
            PDFPageable pages = new PDFPageable(document);
            Book book = new Book();
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                // actual size: PDFBox's default shrinks to the printable area and so shrinks the QR code's modules
                book.append(new PDFPrintable(document, Scaling.ACTUAL_SIZE, false, 0, true), pages.getPageFormat(i));
            }
            job.setPageable(book);
            job.print(attributes);
        }
    }

    private static PrintRequestAttributeSet attributes(Path pdf) {
        PrintRequestAttributeSet attributes = new HashPrintRequestAttributeSet();
        attributes.add(new JobName("Riddance " + pdf.getFileName(), null));
        return attributes;
    }
}
