/* kw-bulk-csv-private.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kw-bulk-csv.h"

G_BEGIN_DECLS

/* In kw-bulk-csv.c: a KW_BULK_CSV_ERROR about @line (0: none). */
void     kw_bulk_csv_set_error            (GError               **error,
                                           KwBulkCsvError         code,
                                           guint                  line,
                                           const char            *message);

/* The tokenizer, in kw-bulk-csv-reader.c: plain text in, fields out. */
typedef struct
{
  const char *p;
  const char *end;
  guint       line;       /* of p, 1-based */
  char        separator;
} KwBulkCsvReader;

/* A record's fields, in one buffer reused from record to record. */
typedef struct
{
  GString *text;     /* every field, each followed by a NUL */
  GArray  *starts;   /* of gsize: where each field starts in @text */
} KwBulkCsvRecord;

void     kw_bulk_csv_record_init          (KwBulkCsvRecord       *record);
void     kw_bulk_csv_record_clear         (KwBulkCsvRecord       *record);
guint    kw_bulk_csv_record_get_n_fields  (const KwBulkCsvRecord *record);
/* The field's text, which may be changed in place (g_strstrip()); valid
 * until the next read into @record. */
char    *kw_bulk_csv_record_get_field     (const KwBulkCsvRecord *record,
                                           guint                  i);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KwBulkCsvRecord, kw_bulk_csv_record_clear)

/* Reads one record into @record, starting at @line. Returns FALSE at the
 * end of the text or on @error (an unterminated quote). @blank tells a line
 * with nothing in it, or only white space, apart from a record with empty
 * cells. */
gboolean kw_bulk_csv_read_record          (KwBulkCsvReader       *reader,
                                           KwBulkCsvRecord       *record,
                                           guint                 *line,
                                           gboolean              *blank,
                                           GError               **error);
/* The username column of the first record of @text split at @separator, or
 * -1 when none of its cells names it. */
int      kw_bulk_csv_find_username_column (const char            *text,
                                           gsize                  length,
                                           char                   separator);

G_END_DECLS
