package dev.herald.letter;

import dev.herald.letter.PrecompiledLetterBuilder.DocumentChange;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDFormFieldAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.action.PDPageAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFileAttachment;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;

/** Active content put into a test letter, each kind where ActiveContent must find it. */
final class ActiveContentFixtures {

  /** Inside the body of page 1, where anything may print. */
  private static final PDRectangle IN_THE_BODY = new PDRectangle(100, 200, 60, 20);

  private ActiveContentFixtures() {}

  static DocumentChange javaScriptInTheNamesTree() {
    return document -> {
      PDJavascriptNameTreeNode scripts = new PDJavascriptNameTreeNode();
      scripts.setNames(Map.of("greet", script()));
      names(document).setJavascript(scripts);
    };
  }

  static DocumentChange javaScriptOpenAction() {
    return document -> document.getDocumentCatalog().setOpenAction(script());
  }

  static DocumentChange javaScriptPageAction() {
    return document -> {
      PDPage page = document.getPage(0);
      PDPageAdditionalActions actions = page.getActions();
      actions.setO(script());
      page.setActions(actions);
    };
  }

  static DocumentChange javaScriptLink() {
    return link(script());
  }

  static DocumentChange launchLink() {
    return link(launch());
  }

  static DocumentChange javaScriptFormField() {
    return document -> {
      PDAcroForm form = new PDAcroForm(document);
      document.getDocumentCatalog().setAcroForm(form);
      PDTextField field = new PDTextField(form);
      field.setPartialName("reference");
      PDFormFieldAdditionalActions actions = new PDFormFieldAdditionalActions();
      actions.setK(script());
      field.setActions(actions);
      PDAnnotationWidget widget = field.getWidgets().getFirst();
      widget.setRectangle(IN_THE_BODY);
      widget.setPage(document.getPage(0));
      document.getPage(0).getAnnotations().add(widget);
      form.getFields().add(field);
    };
  }

  static DocumentChange embeddedFile() {
    return document -> {
      PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
      files.setNames(Map.of("note.txt", fileSpecification(document)));
      names(document).setEmbeddedFiles(files);
    };
  }

  static DocumentChange fileAttachmentAnnotation() {
    return document -> {
      PDAnnotationFileAttachment attachment = new PDAnnotationFileAttachment();
      attachment.setFile(fileSpecification(document));
      attachment.setRectangle(IN_THE_BODY);
      document.getPage(0).getAnnotations().add(attachment);
    };
  }

  private static DocumentChange link(PDAction action) {
    return document -> {
      PDAnnotationLink link = new PDAnnotationLink();
      PDBorderStyleDictionary border = new PDBorderStyleDictionary();
      border.setWidth(0);
      link.setBorderStyle(border);
      link.setRectangle(IN_THE_BODY);
      link.setAction(action);
      document.getPage(0).getAnnotations().add(link);
    };
  }

  private static PDActionJavaScript script() {
    return new PDActionJavaScript("app.alert('hello');");
  }

  private static PDActionLaunch launch() {
    PDActionLaunch launch = new PDActionLaunch();
    PDComplexFileSpecification program = new PDComplexFileSpecification();
    program.setFile("calc.exe");
    launch.setFile(program);
    return launch;
  }

  private static PDComplexFileSpecification fileSpecification(PDDocument document)
      throws java.io.IOException {
    PDComplexFileSpecification specification = new PDComplexFileSpecification();
    specification.setFile("note.txt");
    specification.setEmbeddedFile(
        new PDEmbeddedFile(
            document, new ByteArrayInputStream("hello".getBytes(StandardCharsets.US_ASCII))));
    return specification;
  }

  private static PDDocumentNameDictionary names(PDDocument document) {
    PDDocumentCatalog catalog = document.getDocumentCatalog();
    if (catalog.getNames() == null) {
      catalog.setNames(new PDDocumentNameDictionary(catalog));
    }
    return catalog.getNames();
  }
}
