package io.cairn.employeenps.invitation;

import io.cairn.platform.web.ApiException;
import io.cairn.platform.web.Refusal;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.HttpStatus;

/**
 * Reads a roster CSV with a header row naming a {@code department} and an {@code email} column (any case,
 * other columns ignored). Every bad row is reported with its number, column and reason; any bad row refuses
 * the whole roster.
 */
public final class RosterReader {

    static final int MAX_ROWS = 100_000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private RosterReader() {
    }

    public record Entry(String department, String email) {
    }

    /** A refused row: the English reason, and a code with its value ("" if none) for clients that translate it. */
    public record RowError(long row, String column, Code code, String value, String reason) {

        public enum Code { EMPTY, DEPARTMENT_NOT_IN_CAMPAIGN, NOT_AN_EMAIL, REPEATS_ROW }
    }

    public static List<Entry> read(Reader csv, Predicate<String> departmentInScope) {
        List<Entry> entries = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        Map<String, Long> firstRow = new HashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get();
        try (CSVParser parser = format.parse(csv)) {
            String departmentColumn = column(parser, "department", "department code", "dept");
            String emailColumn = column(parser, "email", "e-mail", "email address");
            for (CSVRecord record : parser) {
                long row = record.getRecordNumber() + 1;
                if (entries.size() >= MAX_ROWS) {
                    throw ApiException.badRequest(Refusal.of("roster.tooManyRows",
                            "A roster holds at most {0} rows; split it", MAX_ROWS));
                }
                String department = value(record, departmentColumn).toLowerCase(Locale.ROOT);
                String email = value(record, emailColumn).toLowerCase(Locale.ROOT);
                boolean ok = true;
                if (department.isEmpty()) {
                    errors.add(new RowError(row, departmentColumn, RowError.Code.EMPTY, "", "is empty"));
                    ok = false;
                } else if (!departmentInScope.test(department)) {
                    errors.add(new RowError(row, departmentColumn, RowError.Code.DEPARTMENT_NOT_IN_CAMPAIGN, department,
                            "department " + department + " is not in the campaign"));
                    ok = false;
                }
                if (!EMAIL.matcher(email).matches()) {
                    errors.add(email.isEmpty() ? new RowError(row, emailColumn, RowError.Code.EMPTY, "", "is empty")
                            : new RowError(row, emailColumn, RowError.Code.NOT_AN_EMAIL, "", "is not an email address"));
                    ok = false;
                } else if (firstRow.putIfAbsent(email, row) != null) {
                    errors.add(new RowError(row, emailColumn, RowError.Code.REPEATS_ROW, String.valueOf(firstRow.get(email)),
                            "repeats row " + firstRow.get(email)));
                    ok = false;
                }
                if (ok) {
                    entries.add(new Entry(department, email));
                }
                if (errors.size() >= 1000) {
                    break;
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw ApiException.badRequest(Refusal.of("roster.notCsv",
                    "The roster is not readable CSV: {0}", e.getMessage()));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "ROSTER_INVALID",
                    errors.size() + " roster row(s) are invalid; nothing was issued", Map.of("errors", errors));
        }
        if (entries.isEmpty()) {
            throw ApiException.badRequest(Refusal.of("roster.empty", "The roster has no rows"));
        }
        return entries;
    }

    private static String column(CSVParser parser, String... names) {
        for (String header : parser.getHeaderNames()) {
            for (String name : names) {
                if (header != null && header.trim().equalsIgnoreCase(name)) {
                    return header;
                }
            }
        }
        throw ApiException.badRequest(Refusal.of("roster.columnMissing",
                "The roster needs a header row with a ''{0}'' column", names[0]));
    }

    private static String value(CSVRecord record, String column) {
        return record.isSet(column) && record.get(column) != null ? record.get(column).trim() : "";
    }
}
