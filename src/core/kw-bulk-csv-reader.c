/* kw-bulk-csv-reader.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-bulk-csv-private.h"

#include <string.h>

/* RFC 4180 records, for kw-bulk-csv.c. Lenient where spreadsheets are
 * sloppy (a stray quote, text after a closing quote, a space before an
 * opening one), strict about an unterminated quote. */

/* At a line end (LF, CRLF, or a lone CR): steps over it. */
static gboolean
skip_line_end (KwBulkCsvReader *reader)
{
  if (*reader->p == '\n')
    {
      reader->p++;
    }
  else if (*reader->p == '\r')
    {
      reader->p++;
      if (reader->p < reader->end && *reader->p == '\n')
        reader->p++;
    }
  else
    {
      return FALSE;
    }

  reader->line++;
  return TRUE;
}

static gboolean
at_field_end (KwBulkCsvReader *reader)
{
  return reader->p >= reader->end || *reader->p == reader->separator ||
         *reader->p == '\n' || *reader->p == '\r';
}

/* A quoted field, from its opening quote. */
static gboolean
read_quoted (KwBulkCsvReader  *reader,
             GString          *field,
             GError          **error)
{
  guint start_line = reader->line;

  reader->p++;
  while (TRUE)
    {
      const char *quote = memchr (reader->p, '"', reader->end - reader->p);

      if (quote == NULL)
        {
          kw_bulk_csv_set_error (error, KW_BULK_CSV_ERROR_UNTERMINATED_QUOTE, start_line,
                                 "a quoted field starts here and never ends");
          return FALSE;
        }

      for (const char *c = reader->p; c < quote; c++)
        {
          /* A CRLF counts once: its LF does the counting. */
          if (*c == '\n' || (*c == '\r' && (c + 1 >= quote || c[1] != '\n')))
            reader->line++;
        }
      g_string_append_len (field, reader->p, quote - reader->p);
      reader->p = quote + 1;

      if (reader->p < reader->end && *reader->p == '"')
        {
          g_string_append_c (field, '"');
          reader->p++;
          continue;
        }
      break;
    }

  /* Text after the closing quote belongs to the field, as it would in a
   * spreadsheet that wrote it. */
  while (!at_field_end (reader))
    g_string_append_c (field, *reader->p++);

  return TRUE;
}

void
kw_bulk_csv_record_init (KwBulkCsvRecord *record)
{
  record->text = g_string_sized_new (256);
  record->starts = g_array_new (FALSE, FALSE, sizeof (gsize));
}

void
kw_bulk_csv_record_clear (KwBulkCsvRecord *record)
{
  if (record->text != NULL)
    g_string_free (g_steal_pointer (&record->text), TRUE);
  g_clear_pointer (&record->starts, g_array_unref);
}

guint
kw_bulk_csv_record_get_n_fields (const KwBulkCsvRecord *record)
{
  return record->starts->len;
}

char *
kw_bulk_csv_record_get_field (const KwBulkCsvRecord *record,
                              guint                  i)
{
  g_assert (i < record->starts->len);

  return record->text->str + g_array_index (record->starts, gsize, i);
}

/* One buffer for the whole record, reused from record to record: a file of
 * a hundred thousand rows costs no allocation per field. */
gboolean
kw_bulk_csv_read_record (KwBulkCsvReader  *reader,
                         KwBulkCsvRecord  *record,
                         guint            *line,
                         gboolean         *blank,
                         GError          **error)
{
  gboolean quoted_any = FALSE;

  g_string_truncate (record->text, 0);
  g_array_set_size (record->starts, 0);

  if (reader->p >= reader->end)
    return FALSE;

  *line = reader->line;

  while (TRUE)
    {
      const char *q = reader->p;
      gsize start = record->text->len;

      g_array_append_val (record->starts, start);

      /* ` "jane"` is a quoted field with a space before it. */
      while (q < reader->end && (*q == ' ' || (*q == '\t' && reader->separator != '\t')))
        q++;

      if (q < reader->end && *q == '"')
        {
          reader->p = q;
          quoted_any = TRUE;
          if (!read_quoted (reader, record->text, error))
            return FALSE;
        }
      else
        {
          const char *field = reader->p;

          while (!at_field_end (reader))
            reader->p++;
          g_string_append_len (record->text, field, reader->p - field);
        }

      g_string_append_c (record->text, '\0');

      if (reader->p < reader->end && *reader->p == reader->separator)
        {
          reader->p++;
          continue;
        }

      skip_line_end (reader);
      break;
    }

  *blank = !quoted_any && record->starts->len == 1 &&
           *g_strstrip (kw_bulk_csv_record_get_field (record, 0)) == '\0';

  return TRUE;
}

static gboolean
is_username_header (const char *cell)
{
  g_autoptr(GString) name = g_string_new (NULL);

  for (const char *c = cell; *c != '\0'; c++)
    {
      if (*c != ' ' && *c != '\t' && *c != '_' && *c != '-')
        g_string_append_c (name, g_ascii_tolower (*c));
    }

  return strcmp (name->str, "username") == 0 || strcmp (name->str, "cognito:username") == 0;
}

int
kw_bulk_csv_find_username_column (const char *text,
                                  gsize       length,
                                  char        separator)
{
  KwBulkCsvReader reader = { text, text + length, 1, separator };
  g_auto(KwBulkCsvRecord) record = { NULL };
  guint line;
  gboolean blank = TRUE;

  kw_bulk_csv_record_init (&record);
  while (blank)
    {
      if (!kw_bulk_csv_read_record (&reader, &record, &line, &blank, NULL))
        return -1;
    }

  for (guint i = 0; i < kw_bulk_csv_record_get_n_fields (&record); i++)
    {
      if (is_username_header (kw_bulk_csv_record_get_field (&record, i)))
        return i;
    }

  return -1;
}

