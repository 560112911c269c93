package vn.motcua.report.document;

import java.util.function.Consumer;

import vn.motcua.report.revision.ListedDossier;

/** Dossiers listed in an appendix, streamed in order: the renderer never holds the whole list. */
@FunctionalInterface
public interface DossierList {

    void forEach(Consumer<ListedDossier> action);
}
