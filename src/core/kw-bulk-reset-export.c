/* kw-bulk-reset-export.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-bulk-reset-private.h"

#include "kw-bulk-csv.h"

#include <string.h>

/* The results of a bulk reset as a CSV file, for whoever asked for the
 * resets: one line per row with its outcome, the error's name and the
 * request id AWS support asks for. Nothing secret is in a row. */

/* RFC 3339 in UTC with milliseconds, as the audit log and the journal
 * write it. */
static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
  g_autofree char *seconds = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (utc) / 1000);
}

static const char *
outcome_name (KwBulkRowState state)
{
  switch (state)
    {
    case KW_BULK_ROW_DONE:
      return "done";
    case KW_BULK_ROW_FAILED:
      return "failed";
    case KW_BULK_ROW_PENDING:
    case KW_BULK_ROW_RUNNING:
    default:
      return "pending";
    }
}

/**
 * kw_bulk_reset_to_csv:
 * @self: a #KwBulkReset
 *
 * Returns: (transfer full): the results as CSV text
 */
char *
kw_bulk_reset_to_csv (KwBulkReset *self)
{
  g_autoptr(GString) out = NULL;

  g_return_val_if_fail (KW_IS_BULK_RESET (self), NULL);

  out = g_string_sized_new (64 + 96 * self->rows->len);
  g_string_append (out, "username,outcome,error,request_id,time\r\n");

  for (guint i = 0; i < self->rows->len; i++)
    {
      KwBulkResetRow *row = g_ptr_array_index (self->rows, i);
      KwBulkRowState state = kw_bulk_reset_row_get_state (row);
      gboolean ended = state == KW_BULK_ROW_DONE || state == KW_BULK_ROW_FAILED;
      g_autofree char *error_name = ended ? kw_bulk_reset_row_dup_error_name (row) : NULL;
      g_autofree char *time = NULL;

      if (ended && kw_bulk_reset_row_get_time (row) != NULL)
        time = format_time (kw_bulk_reset_row_get_time (row));

      kw_bulk_csv_append_field (out, kw_bulk_reset_row_get_username (row));
      g_string_append_c (out, ',');
      g_string_append (out, outcome_name (state));
      g_string_append_c (out, ',');
      kw_bulk_csv_append_field (out, error_name);
      g_string_append_c (out, ',');
      kw_bulk_csv_append_field (out, ended ? kw_bulk_reset_row_get_request_id (row) : NULL);
      g_string_append_c (out, ',');
      kw_bulk_csv_append_field (out, time);
      g_string_append (out, "\r\n");
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static GBytes *
to_csv_bytes (KwBulkReset *self)
{
  char *text = kw_bulk_reset_to_csv (self);

  return g_bytes_new_take (text, strlen (text));
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (object), result, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Writes the task data, a GBytes that outlives the write. */
static void
write_bytes (GOutputStream *stream,
             GTask         *task)
{
  GBytes *bytes = g_task_get_task_data (task);
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  g_output_stream_write_all_async (stream, data, size, G_PRIORITY_DEFAULT,
                                   g_task_get_cancellable (task), written_cb, task);
}

/**
 * kw_bulk_reset_export_async:
 * @self: a #KwBulkReset
 * @stream: where to write; left open
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the text is written
 * @user_data: data for @callback
 *
 * Writes kw_bulk_reset_to_csv() as it is at the call.
 */
void
kw_bulk_reset_export_async (KwBulkReset         *self,
                            GOutputStream       *stream,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (KW_IS_BULK_RESET (self));
  g_return_if_fail (G_IS_OUTPUT_STREAM (stream));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kw_bulk_reset_export_async);
  g_task_set_task_data (task, to_csv_bytes (self), (GDestroyNotify) g_bytes_unref);
  write_bytes (stream, task);
}

gboolean
kw_bulk_reset_export_finish (KwBulkReset   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (KW_IS_BULK_RESET (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kw_bulk_reset_export_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
replaced_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * kw_bulk_reset_save_async:
 * @self: a #KwBulkReset
 * @file: the CSV file to write; replaced if it exists
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written
 * @user_data: data for @callback
 *
 * Writes kw_bulk_reset_to_csv(), as it is at the call, through a temporary
 * file renamed over @file, so that a failure leaves any earlier file whole.
 */
void
kw_bulk_reset_save_async (KwBulkReset         *self,
                          GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task;
  GBytes *bytes;

  g_return_if_fail (KW_IS_BULK_RESET (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kw_bulk_reset_save_async);
  bytes = to_csv_bytes (self);
  g_task_set_task_data (task, bytes, (GDestroyNotify) g_bytes_unref);

  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_NONE,
                                       cancellable, replaced_cb, task);
}

gboolean
kw_bulk_reset_save_finish (KwBulkReset   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (KW_IS_BULK_RESET (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kw_bulk_reset_save_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
