/* kw-bulk-csv.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-bulk-csv-private.h"

#include "kw-cognito-model.h"
#include "kw-core-enums.h"

#include <string.h>

/* A list of usernames from a spreadsheet export, for a bulk reset.
 *
 * The reader is lenient where a spreadsheet is sloppy and strict where a
 * guess could reset the wrong people: a stray quote inside an unquoted
 * field, or text after a closing quote, is kept as text (as Python's csv
 * module does), but an unterminated quote is an error, since everything
 * after it would be read as one field. Whatever the reader makes of a row,
 * the preview shows it before anything is sent. */

typedef struct
{
  guint line;
} KwBulkCsvErrorPrivate;

static void
kw_bulk_csv_error_private_init (KwBulkCsvErrorPrivate *priv)
{
}

static void
kw_bulk_csv_error_private_copy (const KwBulkCsvErrorPrivate *src,
                                KwBulkCsvErrorPrivate       *dest)
{
  dest->line = src->line;
}

static void
kw_bulk_csv_error_private_clear (KwBulkCsvErrorPrivate *priv)
{
}

G_DEFINE_EXTENDED_ERROR (KwBulkCsvError, kw_bulk_csv_error)

/**
 * kw_bulk_csv_error_get_line:
 * @error: an error
 *
 * Returns: the 1-based line a %KW_BULK_CSV_ERROR is about, or 0
 */
guint
kw_bulk_csv_error_get_line (const GError *error)
{
  g_return_val_if_fail (error != NULL, 0);

  if (error->domain != KW_BULK_CSV_ERROR)
    return 0;

  return kw_bulk_csv_error_get_private (error)->line;
}

void
kw_bulk_csv_set_error (GError         **error,
                       KwBulkCsvError   code,
                       guint            line,
                       const char      *message)
{
  GError *new_error;

  if (line > 0)
    new_error = g_error_new (KW_BULK_CSV_ERROR, code, "Line %u: %s", line, message);
  else
    new_error = g_error_new_literal (KW_BULK_CSV_ERROR, code, message);

  kw_bulk_csv_error_get_private (new_error)->line = line;
  g_propagate_error (error, new_error);
}

/* Rows */

struct _KwBulkCsvRow
{
  GObject          parent_instance;

  guint            line;
  char            *username;
  KwBulkCsvStatus  status;
  guint            duplicate_of;
};

G_DEFINE_FINAL_TYPE (KwBulkCsvRow, kw_bulk_csv_row, G_TYPE_OBJECT)

enum {
  ROW_PROP_0,
  ROW_PROP_LINE,
  ROW_PROP_USERNAME,
  ROW_PROP_STATUS,
  ROW_PROP_DUPLICATE_OF,
  ROW_N_PROPS
};

static GParamSpec *row_properties[ROW_N_PROPS];

static void
kw_bulk_csv_row_finalize (GObject *object)
{
  KwBulkCsvRow *self = KW_BULK_CSV_ROW (object);

  g_clear_pointer (&self->username, g_free);

  G_OBJECT_CLASS (kw_bulk_csv_row_parent_class)->finalize (object);
}

static void
kw_bulk_csv_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KwBulkCsvRow *self = KW_BULK_CSV_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_LINE:
      g_value_set_uint (value, self->line);
      break;
    case ROW_PROP_USERNAME:
      g_value_set_string (value, self->username);
      break;
    case ROW_PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case ROW_PROP_DUPLICATE_OF:
      g_value_set_uint (value, self->duplicate_of);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_bulk_csv_row_class_init (KwBulkCsvRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kw_bulk_csv_row_finalize;
  object_class->get_property = kw_bulk_csv_row_get_property;

  row_properties[ROW_PROP_LINE] =
    g_param_spec_uint ("line", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  row_properties[ROW_PROP_USERNAME] =
    g_param_spec_string ("username", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  row_properties[ROW_PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, KW_TYPE_BULK_CSV_STATUS, KW_BULK_CSV_ROW_OK,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  row_properties[ROW_PROP_DUPLICATE_OF] =
    g_param_spec_uint ("duplicate-of", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
kw_bulk_csv_row_init (KwBulkCsvRow *self)
{
}

guint
kw_bulk_csv_row_get_line (KwBulkCsvRow *self)
{
  g_return_val_if_fail (KW_IS_BULK_CSV_ROW (self), 0);

  return self->line;
}

const char *
kw_bulk_csv_row_get_username (KwBulkCsvRow *self)
{
  g_return_val_if_fail (KW_IS_BULK_CSV_ROW (self), NULL);

  return self->username;
}

KwBulkCsvStatus
kw_bulk_csv_row_get_status (KwBulkCsvRow *self)
{
  g_return_val_if_fail (KW_IS_BULK_CSV_ROW (self), KW_BULK_CSV_ROW_EMPTY);

  return self->status;
}

guint
kw_bulk_csv_row_get_duplicate_of (KwBulkCsvRow *self)
{
  g_return_val_if_fail (KW_IS_BULK_CSV_ROW (self), 0);

  return self->duplicate_of;
}

/* The file */

struct _KwBulkCsv
{
  GObject    parent_instance;

  GPtrArray *rows;
  char      *checksum;
  gboolean   has_header;
  guint      column;
  guint      counts[KW_BULK_CSV_ROW_EMPTY + 1];
};

static void kw_bulk_csv_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KwBulkCsv, kw_bulk_csv, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      kw_bulk_csv_list_model_init))

enum {
  PROP_0,
  PROP_CHECKSUM,
  PROP_HAS_HEADER,
  PROP_COLUMN,
  PROP_N_TO_RESET,
  PROP_N_INVALID,
  PROP_N_DUPLICATES,
  PROP_N_EMPTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
kw_bulk_csv_get_item_type (GListModel *model)
{
  return KW_TYPE_BULK_CSV_ROW;
}

static guint
kw_bulk_csv_get_n_items (GListModel *model)
{
  return KW_BULK_CSV (model)->rows->len;
}

static gpointer
kw_bulk_csv_get_item (GListModel *model,
                      guint       position)
{
  KwBulkCsv *self = KW_BULK_CSV (model);

  if (position >= self->rows->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
kw_bulk_csv_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = kw_bulk_csv_get_item_type;
  iface->get_n_items = kw_bulk_csv_get_n_items;
  iface->get_item = kw_bulk_csv_get_item;
}

static void
kw_bulk_csv_finalize (GObject *object)
{
  KwBulkCsv *self = KW_BULK_CSV (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->checksum, g_free);

  G_OBJECT_CLASS (kw_bulk_csv_parent_class)->finalize (object);
}

static void
kw_bulk_csv_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KwBulkCsv *self = KW_BULK_CSV (object);

  switch (prop_id)
    {
    case PROP_CHECKSUM:
      g_value_set_string (value, self->checksum);
      break;
    case PROP_HAS_HEADER:
      g_value_set_boolean (value, self->has_header);
      break;
    case PROP_COLUMN:
      g_value_set_uint (value, self->column);
      break;
    case PROP_N_TO_RESET:
      g_value_set_uint (value, self->counts[KW_BULK_CSV_ROW_OK]);
      break;
    case PROP_N_INVALID:
      g_value_set_uint (value, self->counts[KW_BULK_CSV_ROW_INVALID]);
      break;
    case PROP_N_DUPLICATES:
      g_value_set_uint (value, self->counts[KW_BULK_CSV_ROW_DUPLICATE]);
      break;
    case PROP_N_EMPTY:
      g_value_set_uint (value, self->counts[KW_BULK_CSV_ROW_EMPTY]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
count_property (const char *name)
{
  return g_param_spec_uint (name, NULL, NULL, 0, G_MAXUINT, 0,
                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
kw_bulk_csv_class_init (KwBulkCsvClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kw_bulk_csv_finalize;
  object_class->get_property = kw_bulk_csv_get_property;

  /**
   * KwBulkCsv:checksum:
   *
   * The SHA-256 of the file's bytes, in lowercase hex: the same file gives
   * the same resume journal.
   */
  properties[PROP_CHECKSUM] =
    g_param_spec_string ("checksum", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_HEADER] =
    g_param_spec_boolean ("has-header", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLUMN] = count_property ("column");
  properties[PROP_N_TO_RESET] = count_property ("n-to-reset");
  properties[PROP_N_INVALID] = count_property ("n-invalid");
  properties[PROP_N_DUPLICATES] = count_property ("n-duplicates");
  properties[PROP_N_EMPTY] = count_property ("n-empty");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kw_bulk_csv_init (KwBulkCsv *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
}

static guint
count_lines (const char *text,
             const char *until)
{
  guint line = 1;

  for (const char *c = text; c < until; c++)
    {
      if (*c == '\n')
        line++;
    }

  return line;
}

static gboolean
check_text (const char  *data,
            gsize        length,
            GError     **error)
{
  const char *invalid = NULL;

  if (length > KW_BULK_CSV_MAX_SIZE)
    {
      kw_bulk_csv_set_error (error, KW_BULK_CSV_ERROR_TOO_LARGE, 0,
                             "the file is too large for a list of users");
      return FALSE;
    }

  /* Spreadsheets save "Unicode text" as UTF-16, byte order mark first. */
  if (length >= 2 && (((guchar) data[0] == 0xff && (guchar) data[1] == 0xfe) ||
                      ((guchar) data[0] == 0xfe && (guchar) data[1] == 0xff)))
    {
      kw_bulk_csv_set_error (error, KW_BULK_CSV_ERROR_NOT_UTF8, 1,
                             "the file is UTF-16 text; save it as CSV in UTF-8");
      return FALSE;
    }

  /* A NUL byte fails this too: a binary file is not a list. */
  if (!g_utf8_validate_len (data, length, &invalid))
    {
      kw_bulk_csv_set_error (error, KW_BULK_CSV_ERROR_NOT_UTF8, count_lines (data, invalid),
                             "the text is not UTF-8");
      return FALSE;
    }

  return TRUE;
}

static KwBulkCsvRow *
add_row (KwBulkCsv       *self,
         guint            line,
         char            *username,
         KwBulkCsvStatus  status)
{
  /* Set in place: a file may have a hundred thousand rows. */
  KwBulkCsvRow *row = g_object_new (KW_TYPE_BULK_CSV_ROW, NULL);

  row->line = line;
  row->username = username;
  row->status = status;
  g_ptr_array_add (self->rows, row);
  self->counts[status]++;

  return row;
}

/**
 * kw_bulk_csv_parse:
 * @data: the file's bytes
 * @length: their length
 * @error: return location for a %KW_BULK_CSV_ERROR
 *
 * Reads a CSV file of usernames; see #KwBulkCsv for the format. Each
 * username is checked against Cognito's UsernameType, and repeated ones are
 * marked. A file with at least one username (valid or not) is a result,
 * even when none is valid: the preview says why.
 *
 * Returns: (transfer full) (nullable): the rows, or %NULL with @error set
 */
KwBulkCsv *
kw_bulk_csv_parse (const char  *data,
                   gsize        length,
                   GError     **error)
{
  g_autoptr(KwBulkCsv) self = NULL;
  g_auto(KwBulkCsvRecord) record = { NULL };
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const KwShape *shape = kw_cognito_shape_lookup ("UsernameType");
  const char *text = data;
  gsize text_length = length;
  KwBulkCsvReader reader;
  guint line = 0;
  guint first_line = 0;
  gboolean blank = FALSE;
  gboolean skip_header;
  int column = -1;
  GError *read_error = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_assert (shape != NULL);

  if (data == NULL)
    data = text = "";

  if (!check_text (data, length, error))
    return NULL;

  self = g_object_new (KW_TYPE_BULK_CSV, NULL);
  self->checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);

  /* Editors on Windows start UTF-8 files with a byte order mark. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      text += 3;
      text_length -= 3;
    }

  reader = (KwBulkCsvReader) { text, text + text_length, 1, ',' };

  column = kw_bulk_csv_find_username_column (text, text_length, ',');
  if (column < 0)
    {
      static const char other_separators[] = { ';', '\t' };

      for (guint i = 0; i < G_N_ELEMENTS (other_separators) && column < 0; i++)
        {
          column = kw_bulk_csv_find_username_column (text, text_length, other_separators[i]);
          if (column >= 0)
            reader.separator = other_separators[i];
        }
    }

  self->has_header = column >= 0;
  self->column = MAX (column, 0);
  skip_header = self->has_header;

  kw_bulk_csv_record_init (&record);
  while (kw_bulk_csv_read_record (&reader, &record, &line, &blank, &read_error))
    {
      g_autofree char *username = NULL;
      g_autoptr(GError) invalid = NULL;
      gpointer first;

      if (blank)
        continue;
      if (first_line == 0)
        first_line = line;
      if (skip_header)
        {
          skip_header = FALSE;
          continue;
        }

      if (self->column < kw_bulk_csv_record_get_n_fields (&record))
        username = g_strdup (g_strstrip (kw_bulk_csv_record_get_field (&record, self->column)));

      if (username == NULL || *username == '\0')
        {
          add_row (self, line, g_strdup (""), KW_BULK_CSV_ROW_EMPTY);
        }
      else if (!kw_cognito_validate_string (shape, "Username", username, &invalid))
        {
          add_row (self, line, g_steal_pointer (&username), KW_BULK_CSV_ROW_INVALID);
        }
      else if (g_hash_table_lookup_extended (seen, username, NULL, &first))
        {
          KwBulkCsvRow *row = add_row (self, line, g_steal_pointer (&username),
                                       KW_BULK_CSV_ROW_DUPLICATE);

          row->duplicate_of = GPOINTER_TO_UINT (first);
        }
      else
        {
          KwBulkCsvRow *row = add_row (self, line, g_steal_pointer (&username),
                                       KW_BULK_CSV_ROW_OK);

          g_hash_table_insert (seen, row->username, GUINT_TO_POINTER (line));
        }
    }

  if (read_error != NULL)
    {
      g_propagate_error (error, read_error);
      return NULL;
    }

  if (first_line == 0)
    {
      kw_bulk_csv_set_error (error, KW_BULK_CSV_ERROR_EMPTY, 0, "the file is empty");
      return NULL;
    }

  if (self->rows->len == self->counts[KW_BULK_CSV_ROW_EMPTY])
    {
      kw_bulk_csv_set_error (error, KW_BULK_CSV_ERROR_NO_COLUMN, first_line,
                             self->has_header
                               ? "the username column has no usernames below its header"
                               : "the first column has no usernames");
      return NULL;
    }

  return g_steal_pointer (&self);
}

/* Loading */

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();
  GError *error = NULL;
  KwBulkCsv *csv;

  stream = g_file_read (file, cancellable, &error);
  if (stream == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Up to one byte past the limit, which tells a file that is too large. */
  while (data->len <= KW_BULK_CSV_MAX_SIZE)
    {
      guint8 buffer[64 * 1024];
      gssize n_read = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer,
                                           cancellable, &error);

      if (n_read < 0)
        {
          g_task_return_error (task, error);
          return;
        }
      if (n_read == 0)
        break;
      g_byte_array_append (data, buffer, n_read);
    }

  csv = kw_bulk_csv_parse ((const char *) data->data, data->len, &error);
  if (csv == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, csv, g_object_unref);
}

/**
 * kw_bulk_csv_load_async:
 * @file: the CSV file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the rows or an error
 * @user_data: data for @callback
 *
 * Reads and parses @file on a worker thread.
 */
void
kw_bulk_csv_load_async (GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, kw_bulk_csv_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * kw_bulk_csv_load_finish:
 *
 * Returns: (transfer full) (nullable): the rows, or %NULL with @error set
 */
KwBulkCsv *
kw_bulk_csv_load_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kw_bulk_csv_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
kw_bulk_csv_get_checksum (KwBulkCsv *self)
{
  g_return_val_if_fail (KW_IS_BULK_CSV (self), NULL);

  return self->checksum;
}

gboolean
kw_bulk_csv_get_has_header (KwBulkCsv *self)
{
  g_return_val_if_fail (KW_IS_BULK_CSV (self), FALSE);

  return self->has_header;
}

guint
kw_bulk_csv_get_column (KwBulkCsv *self)
{
  g_return_val_if_fail (KW_IS_BULK_CSV (self), 0);

  return self->column;
}

guint
kw_bulk_csv_get_n_to_reset (KwBulkCsv *self)
{
  g_return_val_if_fail (KW_IS_BULK_CSV (self), 0);

  return self->counts[KW_BULK_CSV_ROW_OK];
}

guint
kw_bulk_csv_get_n_invalid (KwBulkCsv *self)
{
  g_return_val_if_fail (KW_IS_BULK_CSV (self), 0);

  return self->counts[KW_BULK_CSV_ROW_INVALID];
}

guint
kw_bulk_csv_get_n_duplicates (KwBulkCsv *self)
{
  g_return_val_if_fail (KW_IS_BULK_CSV (self), 0);

  return self->counts[KW_BULK_CSV_ROW_DUPLICATE];
}

guint
kw_bulk_csv_get_n_empty (KwBulkCsv *self)
{
  g_return_val_if_fail (KW_IS_BULK_CSV (self), 0);

  return self->counts[KW_BULK_CSV_ROW_EMPTY];
}

/**
 * kw_bulk_csv_dup_usernames:
 *
 * Returns: (transfer full): the usernames of the rows to reset, in order
 */
char **
kw_bulk_csv_dup_usernames (KwBulkCsv *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (KW_IS_BULK_CSV (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      KwBulkCsvRow *row = g_ptr_array_index (self->rows, i);

      if (row->status == KW_BULK_CSV_ROW_OK)
        g_strv_builder_add (builder, row->username);
    }

  return g_strv_builder_end (builder);
}

/**
 * kw_bulk_csv_append_field:
 * @out: where to append
 * @field: (nullable): the field's text
 *
 * Appends one RFC 4180 field, quoted only where it needs to be.
 */
void
kw_bulk_csv_append_field (GString    *out,
                          const char *field)
{
  gsize length;

  g_return_if_fail (out != NULL);

  if (field == NULL || *field == '\0')
    return;

  length = strlen (field);
  if (strpbrk (field, ",\"\r\n") == NULL &&
      !g_ascii_isspace (field[0]) && !g_ascii_isspace (field[length - 1]))
    {
      g_string_append_len (out, field, length);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *c = field; *c != '\0'; c++)
    {
      if (*c == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *c);
    }
  g_string_append_c (out, '"');
}
