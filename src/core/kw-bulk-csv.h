/* kw-bulk-csv.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Files larger than this are refused (KW_BULK_CSV_ERROR_TOO_LARGE): about
 * a million usernames, far past any helpdesk list. */
#define KW_BULK_CSV_MAX_SIZE (32 * 1024 * 1024)

#define KW_BULK_CSV_ERROR (kw_bulk_csv_error_quark ())

/**
 * KwBulkCsvError:
 * @KW_BULK_CSV_ERROR_EMPTY: the file holds nothing but blank lines
 * @KW_BULK_CSV_ERROR_NOT_UTF8: the file is not UTF-8 text (another encoding,
 *   UTF-16, or a binary file); the message names the line
 * @KW_BULK_CSV_ERROR_UNTERMINATED_QUOTE: a quoted field never ends; the
 *   message names the line where it starts
 * @KW_BULK_CSV_ERROR_NO_COLUMN: no row has a username in the column read (a
 *   header alone, or an empty first column); the message names the line of
 *   the header or first row
 * @KW_BULK_CSV_ERROR_TOO_LARGE: larger than %KW_BULK_CSV_MAX_SIZE
 *
 * Why a file cannot be read as a list of usernames. Each error's message is
 * English for logs; the line is also in kw_bulk_csv_error_get_line().
 */
typedef enum
{
  KW_BULK_CSV_ERROR_EMPTY,
  KW_BULK_CSV_ERROR_NOT_UTF8,
  KW_BULK_CSV_ERROR_UNTERMINATED_QUOTE,
  KW_BULK_CSV_ERROR_NO_COLUMN,
  KW_BULK_CSV_ERROR_TOO_LARGE,
} KwBulkCsvError;

/**
 * KwBulkCsvStatus:
 * @KW_BULK_CSV_ROW_OK: will be reset
 * @KW_BULK_CSV_ROW_INVALID: not a username Cognito accepts (UsernameType:
 *   1 to 128 letters, marks, symbols, numbers or punctuation; no spaces)
 * @KW_BULK_CSV_ROW_DUPLICATE: the same username as an earlier row (exact
 *   match), see kw_bulk_csv_row_get_duplicate_of()
 * @KW_BULK_CSV_ROW_EMPTY: the row has no username in the column (an empty
 *   cell, or fewer cells than the column needs); skipped
 */
typedef enum
{
  KW_BULK_CSV_ROW_OK,
  KW_BULK_CSV_ROW_INVALID,
  KW_BULK_CSV_ROW_DUPLICATE,
  KW_BULK_CSV_ROW_EMPTY,
} KwBulkCsvStatus;

GQuark kw_bulk_csv_error_quark    (void);
/* The 1-based line a KW_BULK_CSV_ERROR is about; 0 for other errors and for
 * EMPTY and TOO_LARGE. */
guint  kw_bulk_csv_error_get_line (const GError *error);

#define KW_TYPE_BULK_CSV_ROW (kw_bulk_csv_row_get_type ())

G_DECLARE_FINAL_TYPE (KwBulkCsvRow, kw_bulk_csv_row, KW, BULK_CSV_ROW, GObject)

/* One data row of the file (the header is not one). Read-only properties:
 * line (guint, 1-based, where the row starts), username (the cell with the
 * white space around it removed; "" for EMPTY rows), status
 * (KwBulkCsvStatus), duplicate-of (guint: the line of the first row with
 * the same username; 0 unless DUPLICATE). */
guint            kw_bulk_csv_row_get_line         (KwBulkCsvRow *self);
const char      *kw_bulk_csv_row_get_username     (KwBulkCsvRow *self);
KwBulkCsvStatus  kw_bulk_csv_row_get_status       (KwBulkCsvRow *self);
guint            kw_bulk_csv_row_get_duplicate_of (KwBulkCsvRow *self);

#define KW_TYPE_BULK_CSV (kw_bulk_csv_get_type ())

G_DECLARE_FINAL_TYPE (KwBulkCsv, kw_bulk_csv, KW, BULK_CSV, GObject)

/* A CSV file of usernames, read for a bulk reset: a GListModel of
 * KwBulkCsvRow in the file's order, for a preview before anything is sent.
 * Lines that are entirely blank are not rows; every other line is.
 *
 * The format: UTF-8 (a byte order mark is skipped), RFC 4180 fields (a
 * quoted field may hold commas, line breaks and "" for a quote), LF or CRLF
 * line ends. The username column and the header:
 *
 * - The first row is a header when one of its cells, compared without case
 *   and ignoring spaces, `_` and `-`, is `username` or `cognito:username`
 *   (the column name of Cognito's own user export). That cell's column is
 *   read, and the header is not a row.
 * - Otherwise there is no header and the first column is read. A first row
 *   such as `email,phone` is then a row like any other, shown INVALID or
 *   tried as a username: the preview shows it before anything is sent.
 * - The separator is a comma, except that a header found by splitting its
 *   line at `;` or at tabs (and not at commas) makes that the separator, as
 *   spreadsheets in some locales export.
 *
 * Read-only properties: checksum (the SHA-256 of the file's bytes, in hex:
 * the key of its resume journal), has-header, column (0-based), n-to-reset
 * (OK rows), n-invalid, n-duplicates, n-empty. */
KwBulkCsv  *kw_bulk_csv_parse            (const char           *data,
                                          gsize                 length,
                                          GError              **error);
/* Reads @file (at most KW_BULK_CSV_MAX_SIZE) and parses it on a worker
 * thread. Errors: those of kw_bulk_csv_parse(), and G_IO_ERROR ones for a
 * file that cannot be read. */
void        kw_bulk_csv_load_async       (GFile                *file,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
KwBulkCsv  *kw_bulk_csv_load_finish      (GAsyncResult         *result,
                                          GError              **error);

const char *kw_bulk_csv_get_checksum     (KwBulkCsv            *self);
gboolean    kw_bulk_csv_get_has_header   (KwBulkCsv            *self);
guint       kw_bulk_csv_get_column       (KwBulkCsv            *self);
guint       kw_bulk_csv_get_n_to_reset   (KwBulkCsv            *self);
guint       kw_bulk_csv_get_n_invalid    (KwBulkCsv            *self);
guint       kw_bulk_csv_get_n_duplicates (KwBulkCsv            *self);
guint       kw_bulk_csv_get_n_empty      (KwBulkCsv            *self);
/* The usernames of the OK rows, in order: what kw_bulk_reset_new() takes. */
char      **kw_bulk_csv_dup_usernames    (KwBulkCsv            *self);

/* Appends @field to @out as one RFC 4180 field: quoted (with "" for a
 * quote) when it holds a comma, a quote, a line break or white space at
 * either end; the text itself is never changed, so that a results file read
 * back gives the same usernames. %NULL is an empty field. */
void        kw_bulk_csv_append_field     (GString              *out,
                                          const char           *field);

G_END_DECLS
