/* kw-audit-log.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-audit-log.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

/* The audit trail of helpdesk actions: one JSON object per line, so that
 * `jq`, `grep` and log shippers read it without a parser of their own.
 *
 * Appends go through a queue with one write in flight at a time, so lines
 * land in the order they were appended even though every write is
 * asynchronous. The stream is opened once, in append mode, and kept. Reads
 * take their turn in the same queue, so a read sees every line appended
 * before it was asked for. */

struct _KwAuditLog
{
  GObject             parent_instance;

  GFile              *file;
  GFileOutputStream  *stream;
  GCancellable       *cancellable;
  GQueue              pending;       /* of GTask, oldest first */
  gboolean            busy;          /* a task is being opened for or written */
  gboolean            broken_line;   /* a failed write left half a line */
};

G_DEFINE_FINAL_TYPE (KwAuditLog, kw_audit_log, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void process_next (KwAuditLog *self);

static void
kw_audit_log_constructed (GObject *object)
{
  KwAuditLog *self = KW_AUDIT_LOG (object);

  G_OBJECT_CLASS (kw_audit_log_parent_class)->constructed (object);

  if (self->file == NULL)
    self->file = g_file_new_build_filename (g_get_user_state_dir (), "keyway", "audit.log", NULL);
}

static void
kw_audit_log_dispose (GObject *object)
{
  KwAuditLog *self = KW_AUDIT_LOG (object);

  /* Every queued append holds a reference, so the queue is empty here. */
  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (kw_audit_log_parent_class)->dispose (object);
}

static void
kw_audit_log_finalize (GObject *object)
{
  KwAuditLog *self = KW_AUDIT_LOG (object);

  g_assert (g_queue_is_empty (&self->pending));

  /* A local file stream closes on its last unref; close(2) does not block. */
  g_clear_object (&self->stream);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (kw_audit_log_parent_class)->finalize (object);
}

static void
kw_audit_log_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KwAuditLog *self = KW_AUDIT_LOG (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_audit_log_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  KwAuditLog *self = KW_AUDIT_LOG (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_audit_log_class_init (KwAuditLogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = kw_audit_log_constructed;
  object_class->dispose = kw_audit_log_dispose;
  object_class->finalize = kw_audit_log_finalize;
  object_class->get_property = kw_audit_log_get_property;
  object_class->set_property = kw_audit_log_set_property;

  /**
   * KwAuditLog:file:
   *
   * The file lines are appended to; when unset at construction,
   * `$XDG_STATE_HOME/keyway/audit.log`.
   */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kw_audit_log_init (KwAuditLog *self)
{
  self->cancellable = g_cancellable_new ();
  g_queue_init (&self->pending);
}

/**
 * kw_audit_log_new:
 * @file: (nullable): where to append, or %NULL for `$XDG_STATE_HOME/keyway/audit.log`
 *
 * Nothing is opened or created until the first append.
 *
 * Returns: (transfer full): a new audit log
 */
KwAuditLog *
kw_audit_log_new (GFile *file)
{
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  return g_object_new (KW_TYPE_AUDIT_LOG, "file", file, NULL);
}

/**
 * kw_audit_log_get_file:
 *
 * Returns: (transfer none): the file lines are appended to
 */
GFile *
kw_audit_log_get_file (KwAuditLog *self)
{
  g_return_val_if_fail (KW_IS_AUDIT_LOG (self), NULL);

  return self->file;
}

/* Usernames and error names come from people and peers: JSON needs valid
 * UTF-8, and the generator copies bytes as they are. */
static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value == NULL)
    {
      json_builder_add_null_value (builder);
    }
  else
    {
      g_autofree char *valid = g_utf8_make_valid (value, -1);

      json_builder_add_string_value (builder, valid);
    }
}

static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = time != NULL ? g_date_time_to_utc (time)
                                          : g_date_time_new_now_utc ();
  g_autofree char *seconds = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (utc) / 1000);
}

/**
 * kw_audit_entry_to_json:
 * @entry: the action
 * @time: (nullable): when it happened, or %NULL for now
 *
 * One line of the log, without its line break: an object with the members
 * `time`, `actor`, `userPoolId`, `username`, `action`, `outcome` and
 * `requestId`, where a missing value is `null`. Newlines, quotes and control
 * characters in the values are escaped, so the line never breaks.
 *
 * Returns: (transfer full): the JSON text
 */
char *
kw_audit_entry_to_json (const KwAuditEntry *entry,
                        GDateTime          *time)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (entry != NULL, NULL);

  stamp = format_time (time);

  json_builder_begin_object (builder);
  add_string_member (builder, "time", stamp);
  add_string_member (builder, "actor", entry->actor);
  add_string_member (builder, "userPoolId", entry->user_pool_id);
  add_string_member (builder, "username", entry->username);
  add_string_member (builder, "action", entry->action);
  add_string_member (builder, "outcome", entry->outcome);
  add_string_member (builder, "requestId", entry->request_id);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, FALSE);

  return json_generator_to_data (generator, NULL);
}

/* Creating the folder (and $XDG_STATE_HOME itself, which may not exist yet)
 * is a chain of mkdir(2) calls: done on a worker thread, since GIO has no
 * asynchronous make-with-parents in 2.74. */
static void
make_folder_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  const char *path = task_data;

  if (g_mkdir_with_parents (path, 0700) != 0)
    {
      int saved_errno = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               "Could not create %s: %s", path, g_strerror (saved_errno));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
finish_current (KwAuditLog *self,
                GTask      *task,
                GError     *error)
{
  self->busy = FALSE;

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);

  process_next (self);
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KwAuditLog *self = g_task_get_source_object (task);
  GError *error = NULL;
  gsize written = 0;

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (object), result, &written, &error))
    {
      /* Whatever made the write fail (a full disk, a removed mount) may be
       * gone next time: reopen then, and end the half line first. */
      self->broken_line = written > 0;
      g_clear_object (&self->stream);
      finish_current (self, task, error);
      return;
    }

  self->broken_line = FALSE;
  finish_current (self, task, NULL);
}

static void
write_line (KwAuditLog *self,
            GTask      *task)
{
  GBytes *line = g_task_get_task_data (task);
  gsize size = 0;
  const char *data = g_bytes_get_data (line, &size);

  if (self->broken_line)
    {
      /* The line starts after the leftover's break; the task data outlives
       * the write, as write_all_async needs. */
      g_autofree char *joined = g_strconcat ("\n", data, NULL);
      gsize joined_size = size + 1;

      line = g_bytes_new_take (g_steal_pointer (&joined), joined_size);
      g_task_set_task_data (task, line, (GDestroyNotify) g_bytes_unref);
      data = g_bytes_get_data (line, &size);
    }

  g_output_stream_write_all_async (G_OUTPUT_STREAM (self->stream), data, size,
                                   G_PRIORITY_DEFAULT, self->cancellable, written_cb, task);
}

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KwAuditLog *self = g_task_get_source_object (task);
  GError *error = NULL;

  self->stream = g_file_append_to_finish (G_FILE (object), result, &error);
  if (self->stream == NULL)
    {
      finish_current (self, task, error);
      return;
    }

  write_line (self, g_steal_pointer (&task));
}

static void
folder_made_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KwAuditLog *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      finish_current (self, task, error);
      return;
    }

  /* PRIVATE: a new file is created 0600. */
  g_file_append_to_async (self->file, G_FILE_CREATE_PRIVATE, G_PRIORITY_DEFAULT,
                          self->cancellable, opened_cb, g_steal_pointer (&task));
}

static void
open_then_write (KwAuditLog *self,
                 GTask      *task)
{
  g_autoptr(GFile) parent = g_file_get_parent (self->file);
  g_autofree char *path = parent != NULL ? g_file_get_path (parent) : NULL;
  g_autoptr(GTask) folder_task = NULL;

  if (path == NULL)
    {
      /* Not a local file: its folder is the backend's business. */
      g_file_append_to_async (self->file, G_FILE_CREATE_PRIVATE, G_PRIORITY_DEFAULT,
                              self->cancellable, opened_cb, task);
      return;
    }

  /* No source object: the worker thread drops its reference to the task
   * whenever it gets to it, which must not keep the log alive. */
  folder_task = g_task_new (NULL, self->cancellable, folder_made_cb, task);
  g_task_set_source_tag (folder_task, open_then_write);
  g_task_set_task_data (folder_task, g_steal_pointer (&path), g_free);
  g_task_run_in_thread (folder_task, make_folder_thread);
}

static void read_log (KwAuditLog *self,
                      GTask      *task);

static void
process_next (KwAuditLog *self)
{
  while (!self->busy && !g_queue_is_empty (&self->pending))
    {
      GTask *task = g_queue_pop_head (&self->pending);
      GCancellable *cancellable = g_task_get_cancellable (task);
      gboolean is_read = g_task_get_source_tag (task) == kw_audit_log_read_async;

      /* A cancel only withdraws a line that has not started: cancelling a
       * write half way would leave half a line. */
      if (g_cancellable_is_cancelled (cancellable))
        {
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                   is_read ? "The audit log read was cancelled"
                                           : "The audit entry was withdrawn");
          g_object_unref (task);
          continue;
        }

      self->busy = TRUE;
      if (is_read)
        read_log (self, task);
      else if (self->stream == NULL)
        open_then_write (self, task);
      else
        write_line (self, task);
    }
}

/**
 * kw_audit_log_append_async:
 * @self: a #KwAuditLog
 * @entry: the action; copied, with the time stamp taken now
 * @cancellable: (nullable): withdraws the line if its write has not started
 * @callback: called when the line is written or could not be
 * @user_data: data for @callback
 *
 * Queues one line. Lines are written in the order of the calls, one write at
 * a time; the file and its folder are created on the first append, private
 * to the user (0600 and 0700).
 */
void
kw_audit_log_append_async (KwAuditLog          *self,
                           const KwAuditEntry  *entry,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *json = NULL;
  char *line;

  g_return_if_fail (KW_IS_AUDIT_LOG (self));
  g_return_if_fail (entry != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  json = kw_audit_entry_to_json (entry, NULL);
  line = g_strconcat (json, "\n", NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kw_audit_log_append_async);
  /* A line that was written is reported as written, cancelled or not. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, g_bytes_new_take (line, strlen (line)),
                        (GDestroyNotify) g_bytes_unref);

  g_queue_push_tail (&self->pending, g_steal_pointer (&task));
  process_next (self);
}

gboolean
kw_audit_log_append_finish (KwAuditLog    *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (KW_IS_AUDIT_LOG (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kw_audit_log_append_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Reading */

/* The read as queued. */
typedef struct
{
  char  *filter;
  guint  n_skipped;
} ReadRequest;

static void
read_request_free (ReadRequest *request)
{
  g_free (request->filter);
  g_free (request);
}

/* The read on its worker thread. */
typedef struct
{
  GFile     *file;
  char      *filter;     /* casefolded, nullable */
  GPtrArray *records;    /* out, newest first */
  guint      n_skipped;  /* out */
} ReadData;

static void
read_data_free (ReadData *data)
{
  g_clear_object (&data->file);
  g_free (data->filter);
  g_clear_pointer (&data->records, g_ptr_array_unref);
  g_free (data);
}

static gboolean
matches_filter (KwAuditRecord *record,
                const char    *filter)
{
  const char *username = kw_audit_record_get_username (record);
  g_autofree char *folded = NULL;

  if (filter == NULL)
    return TRUE;
  if (username == NULL)
    return FALSE;

  folded = g_utf8_casefold (username, -1);
  return strstr (folded, filter) != NULL;
}

/* On a worker thread: the log is read whole, then walked from its end, so
 * that the newest line comes first. */
static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadData *data = task_data;
  g_autofree char *contents = NULL;
  gsize length = 0;
  GError *error = NULL;
  char *end;

  data->records = g_ptr_array_new_with_free_func (g_object_unref);

  if (!g_file_load_contents (data->file, cancellable, &contents, &length, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_clear_error (&error);
          g_task_return_boolean (task, TRUE);
        }
      else
        {
          g_task_return_error (task, error);
        }
      return;
    }

  end = contents + length;
  while (end > contents)
    {
      char *start = end;
      gsize line_length;
      KwAuditRecord *record = NULL;

      while (start > contents && start[-1] != '\n')
        start--;
      line_length = end - start;
      *end = '\0';
      end = start > contents ? start - 1 : contents;

      if (line_length == 0)
        continue;

      /* A NUL would cut the line short: not a line Keyway wrote. */
      if (memchr (start, '\0', line_length) == NULL)
        record = kw_audit_record_new_from_json (start);
      if (record == NULL)
        {
          data->n_skipped++;
          continue;
        }

      if (matches_filter (record, data->filter))
        g_ptr_array_add (data->records, record);
      else
        g_object_unref (record);
    }

  if (data->n_skipped > 0)
    g_debug ("Audit log %s: %u lines skipped", g_file_peek_path (data->file), data->n_skipped);

  g_task_return_boolean (task, TRUE);
}

static void
read_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KwAuditLog *self = g_task_get_source_object (task);
  ReadData *data = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;
  GListStore *store;

  ReadRequest *request = g_task_get_task_data (task);

  self->busy = FALSE;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
    }
  else
    {
      store = g_list_store_new (KW_TYPE_AUDIT_RECORD);
      g_list_store_splice (store, 0, 0, data->records->pdata, data->records->len);
      request->n_skipped = data->n_skipped;
      g_task_return_pointer (task, store, g_object_unref);
    }

  process_next (self);
}

static void
read_log (KwAuditLog *self,
          GTask      *task)
{
  g_autoptr(GTask) read_task = NULL;
  ReadData *data = g_new0 (ReadData, 1);
  ReadRequest *request = g_task_get_task_data (task);

  data->file = g_object_ref (self->file);
  data->filter = request->filter != NULL ? g_utf8_casefold (request->filter, -1) : NULL;

  /* No source object: the worker thread drops its reference to the task
   * whenever it gets to it, which must not keep the log alive. */
  read_task = g_task_new (NULL, g_task_get_cancellable (task), read_done_cb, task);
  g_task_set_source_tag (read_task, read_log);
  g_task_set_task_data (read_task, data, (GDestroyNotify) read_data_free);
  g_task_run_in_thread (read_task, read_thread);
}

/**
 * kw_audit_log_read_async:
 * @self: a #KwAuditLog
 * @username_filter: (nullable): keep records whose username contains this,
 *   without regard to case; %NULL or "" keeps every record
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the records
 * @user_data: data for @callback
 *
 * Reads the log after the appends queued before the call, on a worker
 * thread. Records come newest first, in the reverse order of the file
 * (which is the order the actions were taken, whatever the clock said).
 */
void
kw_audit_log_read_async (KwAuditLog          *self,
                         const char          *username_filter,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadRequest *request;

  g_return_if_fail (KW_IS_AUDIT_LOG (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  request = g_new0 (ReadRequest, 1);
  if (username_filter != NULL && *username_filter != '\0')
    request->filter = g_strdup (username_filter);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kw_audit_log_read_async);
  g_task_set_task_data (task, request, (GDestroyNotify) read_request_free);

  g_queue_push_tail (&self->pending, g_steal_pointer (&task));
  process_next (self);
}

/**
 * kw_audit_log_read_finish:
 * @self: a #KwAuditLog
 * @result: the result
 * @n_skipped: (out) (optional): lines that were not a record
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): a #GListModel of #KwAuditRecord,
 *   newest first, or %NULL with @error set
 */
GListModel *
kw_audit_log_read_finish (KwAuditLog    *self,
                          GAsyncResult  *result,
                          guint         *n_skipped,
                          GError       **error)
{
  g_return_val_if_fail (KW_IS_AUDIT_LOG (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kw_audit_log_read_async, NULL);

  if (n_skipped != NULL)
    *n_skipped = ((ReadRequest *) g_task_get_task_data (G_TASK (result)))->n_skipped;

  return g_task_propagate_pointer (G_TASK (result), error);
}
