package org.riddance.receipt;

import java.awt.print.PrinterException;
import java.awt.print.PrinterJob;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.printing.PDFPageable;

/**
 * Prints the receipt PDF through the OS's printing system ({@code java.awt.print}, which reaches CUPS queues on
 * Linux and macOS and Windows printers alike). PDFBox draws the page, so no printer has to understand PDF.
 */
public final class ReceiptPrinter {

    private ReceiptPrinter() {
    }

    public static List<String> printers() {
        return Arrays.stream(PrintServiceLookup.lookupPrintServices(null, null)).map(PrintService::getName).toList();
    }

    /** Prints to the named printer without asking: for the command line and tests. */
    public static void print(Path pdf, String printerName) throws IOException, PrinterException {
        PrintService service = Arrays.stream(PrintServiceLookup.lookupPrintServices(null, null))
                .filter(s -> s.getName().equals(printerName)).findFirst()
                .orElseThrow(() -> new PrinterException("No printer named '" + printerName + "'; known: " + printers()));
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PrinterJob job = job(document, pdf);
            job.setPrintService(service);
            job.print();
        }
    }

    /**
     * Shows the system print dialog (printer, copies, pages) and prints if the technician confirms.
     *
     * @return false when the dialog was cancelled
     */
    public static boolean printWithDialog(Path pdf) throws IOException, PrinterException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PrinterJob job = job(document, pdf);
            if (!job.printDialog()) {
                return false;
            }
            job.print();
            return true;
        }
    }

    private static PrinterJob job(PDDocument document, Path pdf) {
        PrinterJob job = PrinterJob.getPrinterJob();
        job.setJobName("Riddance receipt " + pdf.getFileName());
        job.setPageable(new PDFPageable(document));
        return job;
    }
}
