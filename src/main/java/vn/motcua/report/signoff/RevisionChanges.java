package vn.motcua.report.signoff;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntConsumer;

import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfIndirectReference;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfString;

import vn.motcua.report.signoff.SignatureCheck.Damage;
import vn.motcua.report.signoff.SignatureCheck.Finding;
import vn.motcua.report.system.Sha256;

/**
 * What one incremental revision of a signed PDF changed against the revision before it, object by object,
 * and whether each change is one a later signature may make. Allowed: the signature that closes the
 * revision (its field, its widget added to a page's annotations, the form's field list and flags), and,
 * whatever the revision, a document security store (/DSS: certificates, OCSP responses, CRLs, VRI), the
 * catalogue's /Extensions, the XMP metadata and the /Info dictionary's ModDate and Producer, which every
 * writer refreshes and no page shows. The second signature (the seal) may only draw inside the first's
 * signature space; a document time-stamp not at all; any further signature is a change in itself.
 * Everything else that a page, a form or a signature is made of and that changed is named.
 */
final class RevisionChanges {

    private static final PdfName DSS = new PdfName("DSS");
    private static final PdfName EXTENSIONS = new PdfName("Extensions");
    private static final PdfName DOC_TIME_STAMP = new PdfName("DocTimeStamp");
    private static final PdfName RFC3161 = new PdfName("ETSI.RFC3161");
    private static final PdfName SIG_FLAGS = new PdfName("SigFlags");
    private static final PdfName MK = new PdfName("MK");
    /** Keys of the catalogue a later revision may change: they hold no page and nothing a page shows. */
    private static final Set<PdfName> CATALOG_FREE = Set.of(PdfName.ACROFORM, DSS, EXTENSIONS, PdfName.METADATA);
    /** Keys of /Info a later revision may change: every writer sets them. */
    private static final Set<PdfName> INFO_FREE = Set.of(PdfName.MODDATE, PdfName.PRODUCER);
    /** Keys of a widget that decide whether and how it is shown. */
    private static final Set<PdfName> LOOK = Set.of(PdfName.AP, MK, PdfName.RECT, PdfName.AS);
    /** Tolerance, in points, when a widget's rectangle is compared with the signature space. */
    private static final float SLACK = 1f;

    /**
     * The signature that closes a revision.
     *
     * @param approvalsBefore how many signatures other than document time-stamps came before it
     * @param signer          the signer as the certificate names it (its subject), for the sentences
     */
    record Closing(String field, boolean timeStamp, int approvalsBefore, String signer) {
    }

    /** Where a widget sits: its page (1-based) and {left, bottom, right, top}. */
    record Place(int page, float[] rect) {
        boolean invisible() {
            return rect[2] - rect[0] <= 0.01f || rect[3] - rect[1] <= 0.01f;
        }

        boolean inside(Place space) {
            return space != null && page == space.page && rect[0] >= space.rect[0] - SLACK
                    && rect[1] >= space.rect[1] - SLACK && rect[2] <= space.rect[2] + SLACK
                    && rect[3] <= space.rect[3] + SLACK;
        }
    }

    private RevisionChanges() {
    }

    /** One revision of the file (its bytes 0..end), read: every object by number, with its fingerprint. */
    static final class Revision {
        final int end;
        private final PdfReader reader;
        private final Map<Integer, PdfObject> objects = new HashMap<>();
        private final Map<Integer, String> prints = new HashMap<>();
        private Set<Integer> reachable;
        private Map<Integer, FieldNode> fields;
        private Map<Integer, Integer> annotationPages;

        private Revision(byte[] pdf, int end) throws IOException {
            this.end = end;
            this.reader = new PdfReader(end == pdf.length ? pdf : Arrays.copyOf(pdf, end));
            try {
                for (int n = 1; n < reader.getXrefSize(); n++) {
                    PdfObject o = reader.getPdfObjectRelease(n);
                    if (o != null) {
                        objects.put(n, o);
                        prints.put(n, print(o));
                    }
                }
            } finally {
                reader.close();
            }
        }

        static Revision read(byte[] pdf, int end) throws IOException {
            try {
                return new Revision(pdf, end);
            } catch (RuntimeException e) {
                throw new IOException("revision ending at " + end + " unreadable", e);
            }
        }

        PdfObject resolve(PdfObject o) {
            return o instanceof PdfIndirectReference r ? objects.get(r.getNumber()) : o;
        }

        PdfDictionary dictionary(PdfObject o) {
            return resolve(o) instanceof PdfDictionary d ? d : null;
        }

        PdfDictionary catalog() {
            return dictionary(reader.getTrailer().get(PdfName.ROOT));
        }

        int pages() {
            return reader.getNumberOfPages();
        }

        PdfDictionary page(int number) {
            return reader.getPageN(number);
        }

        int pageNumber(int page) {
            PdfIndirectReference ref = reader.getPageOrigRef(page);
            return ref == null ? -1 : ref.getNumber();
        }

        /** Every object the document uses, from the trailer's /Root and /Info, the catalogue's /DSS and /Extensions left out. */
        Set<Integer> reachable() {
            if (reachable == null) {
                reachable = new HashSet<>();
                Deque<Integer> todo = new ArrayDeque<>();
                IntConsumer reach = n -> {
                    if (objects.containsKey(n) && reachable.add(n)) {
                        todo.push(n);
                    }
                };
                PdfObject root = reader.getTrailer().get(PdfName.ROOT);
                references(reader.getTrailer().get(PdfName.INFO), reach);
                PdfDictionary catalog = catalog();
                if (root instanceof PdfIndirectReference r) {
                    reachable.add(r.getNumber());
                }
                if (catalog != null) {
                    for (PdfName key : catalog.getKeys()) {
                        if (!key.equals(DSS) && !key.equals(EXTENSIONS)) {
                            references(catalog.get(key), reach);
                        }
                    }
                }
                while (!todo.isEmpty()) {
                    references(objects.get(todo.pop()), reach);
                }
            }
            return reachable;
        }

        /** The objects the catalogue's /DSS uses. */
        Set<Integer> securityStore() {
            Set<Integer> store = new HashSet<>();
            PdfDictionary catalog = catalog();
            if (catalog != null) {
                walk(this, catalog.get(DSS), store, Set.of());
            }
            return store;
        }

        /** The form's fields by object number: each node of the /Fields tree, its name and whether it is a signature. */
        Map<Integer, FieldNode> fields() {
            if (fields == null) {
                fields = new LinkedHashMap<>();
                PdfDictionary form = acroForm();
                if (form != null) {
                    addFields(form.get(PdfName.FIELDS), null, null);
                }
            }
            return fields;
        }

        private void addFields(PdfObject list, String parentName, PdfName parentType) {
            if (!(resolve(list) instanceof PdfArray array)) {
                return;
            }
            for (PdfObject item : array.getElements()) {
                PdfDictionary node = dictionary(item);
                if (!(item instanceof PdfIndirectReference ref) || node == null || fields.containsKey(ref.getNumber())) {
                    continue;
                }
                PdfString partial = node.getAsString(PdfName.T);
                String name = partial == null ? parentName
                        : parentName == null ? partial.toUnicodeString() : parentName + "." + partial.toUnicodeString();
                PdfName type = node.getAsName(PdfName.FT) != null ? node.getAsName(PdfName.FT) : parentType;
                PdfObject value = node.get(PdfName.V);
                fields.put(ref.getNumber(), new FieldNode(ref.getNumber(), name == null ? "?" : name,
                        PdfName.SIG.equals(type), value instanceof PdfIndirectReference v ? v.getNumber() : -1));
                addFields(node.get(PdfName.KIDS), name, type);
            }
        }

        PdfDictionary acroForm() {
            PdfDictionary catalog = catalog();
            return catalog == null ? null : dictionary(catalog.get(PdfName.ACROFORM));
        }

        /** The page (1-based) each annotation object is listed on. */
        Map<Integer, Integer> annotationPages() {
            if (annotationPages == null) {
                annotationPages = new HashMap<>();
                for (int p = 1; p <= pages(); p++) {
                    for (PdfObject a : annotations(page(p))) {
                        if (a instanceof PdfIndirectReference r) {
                            annotationPages.putIfAbsent(r.getNumber(), p);
                        }
                    }
                }
            }
            return annotationPages;
        }

        List<PdfObject> annotations(PdfDictionary page) {
            return page != null && resolve(page.get(PdfName.ANNOTS)) instanceof PdfArray a ? a.getElements() : List.of();
        }

        /** Where the widgets of the signature field named so sit (empty when it has none on a page). */
        List<Place> places(String fieldName) {
            List<Place> places = new ArrayList<>();
            for (FieldNode field : fields().values()) {
                if (field.name().equals(fieldName)) {
                    Place place = place(field.number());
                    if (place != null) {
                        places.add(place);
                    }
                }
            }
            return places;
        }

        Place place(int widget) {
            Integer page = annotationPages().get(widget);
            PdfDictionary annotation = dictionary(objects.get(widget));
            if (page == null || annotation == null) {
                return null;
            }
            return new Place(page, rect(annotation.getAsArray(PdfName.RECT)));
        }

        /** The signature dictionary the field's /V names, when it is one whose byte range ends where this revision does. */
        PdfDictionary closingValue(PdfDictionary field) {
            PdfDictionary value = field == null ? null : dictionary(field.get(PdfName.V));
            PdfArray range = value == null ? null : value.getAsArray(PdfName.BYTERANGE);
            if (range == null || range.size() != 4 || range.getAsNumber(2) == null || range.getAsNumber(3) == null) {
                return null;
            }
            return range.getAsNumber(2).intValue() + range.getAsNumber(3).intValue() == end ? value : null;
        }

        String fingerprint(int number) {
            return prints.get(number);
        }
    }

    /** A node of the form's field tree. */
    record FieldNode(int number, String name, boolean signature, int value) {
    }

    /**
     * Adds to {@code findings} every change {@code after} makes to {@code before} that is not allowed.
     *
     * @param closing the signature that closes {@code after}, or null for an update after the last signature
     * @param space   where the first signature's widget sits, or null
     * @return whether the update added to or changed the document security store
     */
    static boolean compare(Revision before, Revision after, Closing closing, Place space, List<Finding> findings) {
        Set<Integer> explained = new HashSet<>();
        int found = findings.size();

        PdfObject rootBefore = before.reader.getTrailer().get(PdfName.ROOT);
        PdfObject rootAfter = after.reader.getTrailer().get(PdfName.ROOT);
        if (!Objects.equals(print(rootBefore), print(rootAfter))) {
            findings.add(new Finding(Damage.CATALOG_CHANGED));
        }
        PdfDictionary catalogBefore = before.catalog();
        PdfDictionary catalogAfter = after.catalog();
        if (catalogBefore == null || catalogAfter == null
                || !sameExcept(before, catalogBefore, after, catalogAfter, CATALOG_FREE)) {
            findings.add(new Finding(Damage.CATALOG_CHANGED));
        }
        explain(rootAfter, explained);
        boolean storeChanged = catalogBefore != null && catalogAfter != null
                && !Objects.equals(print(catalogBefore.get(DSS)), print(catalogAfter.get(DSS)));
        if (catalogAfter != null) {
            // The XMP metadata every writer refreshes; no page shows it, and verify reads the signed /Info.
            explain(catalogAfter.get(PdfName.METADATA), explained);
        }
        for (int n : after.securityStore()) {
            storeChanged |= !Objects.equals(before.fingerprint(n), after.fingerprint(n));
        }

        PdfObject infoBefore = before.reader.getTrailer().get(PdfName.INFO);
        PdfObject infoAfter = after.reader.getTrailer().get(PdfName.INFO);
        PdfDictionary infoB = before.dictionary(infoBefore);
        PdfDictionary infoA = after.dictionary(infoAfter);
        if ((infoB == null) != (infoA == null) || infoB != null && !sameExcept(before, infoB, after, infoA, INFO_FREE)) {
            findings.add(new Finding(Damage.INFO_CHANGED));
        }
        explain(infoBefore, explained);
        explain(infoAfter, explained);

        Set<Integer> accepted = new HashSet<>();
        compareForm(before, after, closing, findings, explained, accepted);
        comparePages(before, after, closing, space, findings, explained, accepted);
        compareSignatureFields(before, after, findings, explained);

        Set<Integer> used = new HashSet<>(before.reachable());
        used.addAll(after.reachable());
        Map<Integer, Finding> owners = owners(before);
        boolean pagesNamed = findings.subList(found, findings.size()).stream()
                .anyMatch(f -> f.damage() == Damage.EXTRA_PAGE || f.damage() == Damage.PAGE_CHANGED);
        for (int n : before.objects.keySet().stream().sorted().toList()) {
            if (used.contains(n) && !explained.contains(n) && !before.fingerprint(n).equals(after.fingerprint(n))) {
                PdfDictionary node = before.dictionary(before.objects.get(n));
                if (pagesNamed && node != null && PdfName.PAGES.equals(node.getAsName(PdfName.TYPE))) {
                    continue;   // a node of the page tree: the pages it changed are named already
                }
                findings.add(owners.getOrDefault(n, new Finding(Damage.OBJECT_CHANGED, n)));
            }
        }
        // An object that did not change but names an object number that did not exist before now shows the new one.
        for (int n : after.reachable()) {
            if (before.objects.containsKey(n) && before.fingerprint(n).equals(after.fingerprint(n))) {
                references(after.objects.get(n), target -> {
                    if (!before.objects.containsKey(target) && after.objects.containsKey(target)) {
                        findings.add(owners.getOrDefault(n, new Finding(Damage.OBJECT_CHANGED, n)));
                    }
                });
            }
        }
        return storeChanged && findings.size() == found;
    }

    /** The form: its keys but /Fields and /SigFlags unchanged; new fields only the closing signature's. */
    private static void compareForm(Revision before, Revision after, Closing closing, List<Finding> findings,
                                    Set<Integer> explained, Set<Integer> accepted) {
        PdfDictionary formBefore = before.acroForm();
        PdfDictionary formAfter = after.acroForm();
        PdfDictionary catalogAfter = after.catalog();
        if (catalogAfter != null) {
            explain(catalogAfter.get(PdfName.ACROFORM), explained);
        }
        if (formAfter == null) {
            if (formBefore != null) {
                findings.add(new Finding(Damage.FORM_CHANGED));
            }
            return;
        }
        if (formBefore != null && !sameExcept(before, formBefore, after, formAfter, Set.of(PdfName.FIELDS, SIG_FLAGS))) {
            findings.add(new Finding(Damage.FORM_CHANGED));
        }
        explain(formAfter.get(PdfName.FIELDS), explained);
        List<String> old = formBefore == null ? List.of() : entries(before, formBefore.get(PdfName.FIELDS));
        List<PdfObject> now = after.resolve(formAfter.get(PdfName.FIELDS)) instanceof PdfArray a ? a.getElements() : List.of();
        List<String> nowPrinted = now.stream().map(RevisionChanges::print).toList();
        if (!nowPrinted.containsAll(old)) {
            findings.add(new Finding(Damage.FORM_CHANGED));
        }
        for (PdfObject entry : now) {
            if (old.contains(print(entry))) {
                continue;
            }
            PdfDictionary field = after.dictionary(entry);
            FieldNode node = entry instanceof PdfIndirectReference r ? after.fields().get(r.getNumber()) : null;
            if (closing != null && node != null && node.signature() && closesAs(after, field, closing)) {
                accepted.add(node.number());
                PdfArray kids = field.getAsArray(PdfName.KIDS);
                if (kids != null) {
                    kids.getElements().stream().filter(k -> k instanceof PdfIndirectReference)
                            .forEach(k -> accepted.add(((PdfIndirectReference) k).getNumber()));
                }
            } else {
                findings.add(new Finding(Damage.FIELD_ADDED, node == null ? "?" : node.name()));
            }
        }
    }

    /** Whether the field's value is the signature that closes the revision, of the kind it says it is. */
    private static boolean closesAs(Revision after, PdfDictionary field, Closing closing) {
        PdfDictionary value = after.closingValue(field);
        if (value == null) {
            return false;
        }
        boolean timeStamp = DOC_TIME_STAMP.equals(value.getAsName(PdfName.TYPE))
                && RFC3161.equals(value.getAsName(PdfName.SUBFILTER));
        return timeStamp == closing.timeStamp();
    }

    /** Pages: the same pages, each unchanged but for widgets of the closing signature added to its /Annots. */
    private static void comparePages(Revision before, Revision after, Closing closing, Place space,
                                     List<Finding> findings, Set<Integer> explained, Set<Integer> accepted) {
        if (before.pages() != after.pages()) {
            findings.add(new Finding(Damage.EXTRA_PAGE, Math.min(before.pages(), after.pages()) + 1));
        }
        Map<Integer, FieldNode> signatureWidgets = new HashMap<>();
        before.fields().values().stream().filter(FieldNode::signature).forEach(f -> signatureWidgets.put(f.number(), f));
        Place drawn = null;
        for (int p = 1; p <= Math.min(before.pages(), after.pages()); p++) {
            PdfDictionary pageBefore = before.page(p);
            PdfDictionary pageAfter = after.page(p);
            int number = after.pageNumber(p);
            if (number != before.pageNumber(p)
                    || !sameExcept(before, pageBefore, after, pageAfter, Set.of(PdfName.ANNOTS))) {
                findings.add(new Finding(Damage.PAGE_CHANGED, p));
            }
            explained.add(number);
            explain(pageAfter.get(PdfName.ANNOTS), explained);
            List<String> old = entries(before, pageBefore.get(PdfName.ANNOTS));
            List<PdfObject> now = after.annotations(pageAfter);
            List<String> nowPrinted = now.stream().map(RevisionChanges::print).toList();
            for (PdfObject gone : before.annotations(pageBefore)) {
                if (!nowPrinted.contains(print(gone))) {
                    FieldNode widget = gone instanceof PdfIndirectReference r ? signatureWidgets.get(r.getNumber()) : null;
                    findings.add(widget == null ? new Finding(Damage.PAGE_CHANGED, p)
                            : new Finding(Damage.WIDGET_REMOVED, widget.name(), p));
                }
            }
            for (PdfObject entry : now) {
                if (old.contains(print(entry))) {
                    continue;
                }
                PdfDictionary annotation = after.dictionary(entry);
                boolean ofClosing = entry instanceof PdfIndirectReference r && annotation != null
                        && PdfName.WIDGET.equals(annotation.getAsName(PdfName.SUBTYPE))
                        && (accepted.contains(r.getNumber()) || annotation.get(PdfName.PARENT) instanceof PdfIndirectReference parent
                                && accepted.contains(parent.getNumber()));
                if (!ofClosing) {
                    findings.add(new Finding(Damage.ANNOTATION_ADDED, p));
                    continue;
                }
                Place place = new Place(p, rect(annotation.getAsArray(PdfName.RECT)));
                boolean allowed = place.invisible()
                        || !closing.timeStamp() && closing.approvalsBefore() == 1 && place.inside(space);
                if (!allowed && drawn == null) {
                    drawn = place;
                }
            }
        }
        if (closing == null || closing.timeStamp()) {
            if (closing != null && drawn != null) {
                findings.add(new Finding(Damage.SIGNATURE_DRAWS, closing.field(), closing.signer(), drawn.page()));
            }
            return;
        }
        if (closing.approvalsBefore() >= 2) {
            findings.add(drawn == null ? new Finding(Damage.SIGNATURE_AFTER_SEAL, closing.field(), closing.signer())
                    : new Finding(Damage.SIGNATURE_AFTER_SEAL_DRAWS, closing.field(), closing.signer(), drawn.page()));
        } else if (drawn != null) {
            findings.add(new Finding(Damage.SIGNATURE_DRAWS, closing.field(), closing.signer(), drawn.page()));
        }
    }

    /** The earlier signatures: their dictionaries, fields and widgets exactly as they were. */
    private static void compareSignatureFields(Revision before, Revision after, List<Finding> findings,
                                               Set<Integer> explained) {
        for (FieldNode field : before.fields().values()) {
            if (!field.signature()) {
                continue;
            }
            if (field.value() > 0 && !Objects.equals(before.fingerprint(field.value()), after.fingerprint(field.value()))) {
                findings.add(new Finding(Damage.SIGNATURE_DICTIONARY, field.name()));
                explained.add(field.value());
            }
            PdfDictionary was = before.dictionary(before.objects.get(field.number()));
            PdfDictionary is = after.dictionary(after.objects.get(field.number()));
            if (was == null || Objects.equals(before.fingerprint(field.number()), after.fingerprint(field.number()))) {
                continue;
            }
            explained.add(field.number());
            if (is == null) {
                findings.add(new Finding(Damage.FIELD_CHANGED, field.name()));
                continue;
            }
            if (!Objects.equals(print(was.get(PdfName.F)), print(is.get(PdfName.F)))) {
                findings.add(new Finding(Damage.WIDGET_FLAGS, field.name()));
            }
            boolean look = LOOK.stream().anyMatch(k -> !Objects.equals(print(was.get(k)), print(is.get(k))));
            if (look) {
                findings.add(new Finding(Damage.WIDGET_APPEARANCE, field.name()));
            }
            Set<PdfName> rest = new HashSet<>(LOOK);
            rest.add(PdfName.F);
            if (!sameExcept(before, was, after, is, rest)) {
                findings.add(new Finding(Damage.FIELD_CHANGED, field.name()));
            }
        }
    }

    /**
     * What each object of {@code before} belongs to, for naming a change: a page (its content, resources and
     * annotations), or a signature's widget (its appearance).
     */
    private static Map<Integer, Finding> owners(Revision before) {
        Map<Integer, Finding> owners = new HashMap<>();
        Set<Integer> stops = new HashSet<>();
        for (int p = 1; p <= before.pages(); p++) {
            stops.add(before.pageNumber(p));
        }
        Map<Integer, FieldNode> signatureFields = new HashMap<>();
        before.fields().values().stream().filter(FieldNode::signature).forEach(f -> signatureFields.put(f.number(), f));
        Set<PdfName> back = Set.of(PdfName.PARENT, PdfName.P, PdfName.ANNOTS, PdfName.V, PdfName.POPUP);
        for (int p = 1; p <= before.pages(); p++) {
            PdfDictionary page = before.page(p);
            Set<Integer> parts = new HashSet<>();
            for (PdfName key : page.getKeys()) {
                if (!back.contains(key)) {
                    walk(before, page.get(key), parts, stops);
                }
            }
            for (PdfObject a : before.annotations(page)) {
                if (!(a instanceof PdfIndirectReference r && signatureFields.containsKey(r.getNumber()))) {
                    walk(before, a, parts, stops);
                }
            }
            for (int n : parts) {
                owners.putIfAbsent(n, new Finding(Damage.PAGE_CHANGED, p));
            }
        }
        for (FieldNode field : signatureFields.values()) {
            PdfDictionary widget = before.dictionary(before.objects.get(field.number()));
            if (widget == null) {
                continue;
            }
            Set<Integer> parts = new HashSet<>();
            walk(before, widget.get(PdfName.AP), parts, stops);
            walk(before, widget.get(MK), parts, stops);
            for (int n : parts) {
                owners.putIfAbsent(n, new Finding(Damage.WIDGET_APPEARANCE, field.name()));
            }
        }
        PdfObject root = before.reader.getTrailer().get(PdfName.ROOT);
        if (root instanceof PdfIndirectReference r) {
            owners.put(r.getNumber(), new Finding(Damage.CATALOG_CHANGED));
        }
        // Objects of the page tree, the form's own and anything else are named by their number.
        return owners;
    }

    /** The object numbers {@code start} uses, directly or not, not entering {@code stops}. */
    private static void walk(Revision revision, PdfObject start, Set<Integer> into, Set<Integer> stops) {
        Deque<PdfObject> todo = new ArrayDeque<>();
        if (start != null) {
            todo.push(start);
        }
        while (!todo.isEmpty()) {
            references(todo.pop(), n -> {
                PdfObject target = revision.objects.get(n);
                if (!stops.contains(n) && target != null && into.add(n)) {
                    todo.push(target);
                }
            });
        }
    }

    /** Calls {@code each} with every object number {@code o} names, its nested direct objects included. */
    private static void references(PdfObject o, IntConsumer each) {
        if (o instanceof PdfIndirectReference r) {
            each.accept(r.getNumber());
        } else if (o instanceof PdfDictionary d) {
            for (PdfName key : d.getKeys()) {
                references(d.get(key), each);
            }
        } else if (o instanceof PdfArray a) {
            for (PdfObject item : a.getElements()) {
                references(item, each);
            }
        }
    }

    private static void explain(PdfObject o, Set<Integer> explained) {
        if (o instanceof PdfIndirectReference r) {
            explained.add(r.getNumber());
        }
    }

    /** Whether the two dictionaries hold the same keys and values, {@code free} keys aside (values resolved once). */
    private static boolean sameExcept(Revision before, PdfDictionary a, Revision after, PdfDictionary b, Set<PdfName> free) {
        Set<PdfName> keys = new HashSet<>(a.getKeys());
        keys.addAll(b.getKeys());
        for (PdfName key : keys) {
            if (!free.contains(key) && !Objects.equals(print(a.get(key)), print(b.get(key)))) {
                return false;
            }
        }
        return !(a instanceof PRStream s) || b instanceof PRStream t && print(s).equals(print(t));
    }

    /** The entries of an array (direct or not), printed. */
    private static List<String> entries(Revision revision, PdfObject array) {
        return revision.resolve(array) instanceof PdfArray a ? a.getElements().stream().map(RevisionChanges::print).toList()
                : List.of();
    }

    private static float[] rect(PdfArray array) {
        float[] r = new float[4];
        if (array == null || array.size() < 4) {
            return r;
        }
        for (int i = 0; i < 4; i++) {
            PdfNumber n = array.getAsNumber(i);
            r[i] = n == null ? 0 : n.floatValue();
        }
        return new float[] {Math.min(r[0], r[2]), Math.min(r[1], r[3]), Math.max(r[0], r[2]), Math.max(r[1], r[3])};
    }

    /** A fingerprint of the object as written: references as "n g R" (not followed), streams by their raw bytes. */
    static String print(PdfObject o) {
        StringBuilder b = new StringBuilder();
        append(b, o);
        return b.toString();
    }

    private static void append(StringBuilder b, PdfObject o) {
        if (o == null) {
            b.append("null");
        } else if (o instanceof PdfIndirectReference r) {
            b.append(r.getNumber()).append(' ').append(r.getGeneration()).append(" R");
        } else if (o instanceof PdfDictionary d) {
            b.append("<<");
            List<PdfName> keys = new ArrayList<>(d.getKeys());
            keys.sort(Comparator.comparing(PdfName::toString));
            for (PdfName key : keys) {
                b.append(key).append(' ');
                append(b, d.get(key));
                b.append(' ');
            }
            b.append(">>");
            if (o instanceof PRStream s) {
                b.append("stream ").append(raw(s));
            }
        } else if (o instanceof PdfArray a) {
            b.append('[');
            for (PdfObject item : a.getElements()) {
                append(b, item);
                b.append(' ');
            }
            b.append(']');
        } else if (o instanceof PdfString s) {
            byte[] bytes = s.getOriginalBytes();
            b.append('<').append(bytes.length > 64 ? Sha256.of(bytes) : HexFormat.of().formatHex(bytes)).append('>');
        } else {
            b.append(o.getClass().getSimpleName()).append(':').append(o);
        }
    }

    private static String raw(PRStream s) {
        try {
            return Sha256.of(PdfReader.getStreamBytesRaw(s));
        } catch (IOException | RuntimeException e) {
            return "unreadable";
        }
    }
}
