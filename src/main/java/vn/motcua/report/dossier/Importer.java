package vn.motcua.report.dossier;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/** Imports one file through the import job and says what happened. */
@Service
public class Importer {

    private final JobOperator jobOperator;
    private final Job importJob;
    private final ImportRepository imports;

    public Importer(JobOperator jobOperator, @Qualifier(ImportJobConfiguration.JOB_NAME) Job importJob,
                    ImportRepository imports) {
        this.jobOperator = jobOperator;
        this.importJob = importJob;
        this.imports = imports;
    }

    /**
     * Imports {@code file} as {@code kind} ("dossiers" or "transfers").
     *
     * @throws ImportException when the file cannot be read as such a table at all (nothing stored)
     */
    public ImportRepository.ImportSummary importFile(String kind, Path file) throws Exception {
        ImportKind.of(kind, java.util.Set.of());
        if (!Files.isRegularFile(file)) {
            throw new ImportException(file + " does not exist or is not a file");
        }
        long importId = imports.begin(kind, file.getFileName().toString(), sha256(file));
        JobExecution execution = jobOperator.start(importJob, ImportJobConfiguration.parameters(importId, file, kind));
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            for (Throwable t : execution.getAllFailureExceptions()) {
                for (Throwable c = t; c != null; c = c.getCause()) {
                    if (c instanceof ImportException ie) {
                        imports.markRefused(importId);
                        throw ie;
                    }
                }
            }
            throw new IllegalStateException("The import of " + file + " failed: " + execution.getAllFailureExceptions());
        }
        return imports.summary(importId);
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
