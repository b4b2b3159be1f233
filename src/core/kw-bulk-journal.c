/* kw-bulk-journal.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-bulk-journal-private.h"

#include <unistd.h>

/* Which rows of a bulk reset have ended, kept on disk so that a cancel or a
 * crash does not send them again.
 *
 * Lines go out in order through a queue of operations, one at a time on a
 * worker thread (write(2) on a home folder over NFS can block). The lines
 * waiting in the queue are what a crash can lose; each line is one write,
 * so a crash never leaves two rows run together, and a torn last line is
 * skipped on reading. There is no fsync: the journal guards against the app
 * going away, not the machine, and a lost line only means a user gets a
 * second code. */

typedef struct
{
  KwBulkJournalEntry public;
} Entry;

static void
entry_free (Entry *entry)
{
  g_free ((char *) entry->public.error_name);
  g_free ((char *) entry->public.request_id);
  g_clear_pointer (&entry->public.time, g_date_time_unref);
  g_free (entry);
}

static Entry *
entry_new (gboolean    done,
           const char *error_name,
           const char *request_id,
           GDateTime  *time)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->public.done = done;
  entry->public.error_name = g_strdup (error_name);
  entry->public.request_id = g_strdup (request_id);
  entry->public.time = time != NULL ? g_date_time_ref (time) : NULL;

  return entry;
}

typedef enum
{
  OP_LINE,
  OP_FLUSH,
  OP_DISCARD,
} OpKind;

typedef struct
{
  OpKind  kind;
  char   *line;    /* OP_LINE, with its line break */
  GTask  *task;    /* OP_FLUSH, OP_DISCARD */
} Op;

static void
op_free (Op *op)
{
  g_free (op->line);
  g_clear_object (&op->task);
  g_free (op);
}

struct _KwBulkJournal
{
  GObject     parent_instance;

  GFile      *file;
  char       *checksum;
  char       *user_pool_id;
  GHashTable *entries;          /* username → Entry */
  guint       n_done;
  guint       n_failed;
  guint       n_skipped_lines;

  /* Writing, on the main thread but for the fields a job borrows. */
  GQueue      ops;              /* of Op, oldest first */
  gboolean    busy;             /* a job is on a worker thread */
  int         fd;               /* -1 until the first line is written */
  gboolean    replace;          /* the file on disk is not ours: truncate it */
  gboolean    broken_line;      /* a failed write left half a line */
  GError     *error;            /* the first write error */
};

G_DEFINE_FINAL_TYPE (KwBulkJournal, kw_bulk_journal, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_CHECKSUM,
  PROP_USER_POOL_ID,
  PROP_N_DONE,
  PROP_N_FAILED,
  PROP_N_SKIPPED_LINES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void process_next (KwBulkJournal *self);

static void
kw_bulk_journal_finalize (GObject *object)
{
  KwBulkJournal *self = KW_BULK_JOURNAL (object);

  /* A job holds a reference until the queue is empty. */
  g_assert (!self->busy && g_queue_is_empty (&self->ops));

  if (self->fd >= 0)
    close (self->fd);

  g_clear_object (&self->file);
  g_clear_pointer (&self->checksum, g_free);
  g_clear_pointer (&self->user_pool_id, g_free);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (kw_bulk_journal_parent_class)->finalize (object);
}

static void
kw_bulk_journal_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KwBulkJournal *self = KW_BULK_JOURNAL (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_CHECKSUM:
      g_value_set_string (value, self->checksum);
      break;
    case PROP_USER_POOL_ID:
      g_value_set_string (value, self->user_pool_id);
      break;
    case PROP_N_DONE:
      g_value_set_uint (value, self->n_done);
      break;
    case PROP_N_FAILED:
      g_value_set_uint (value, self->n_failed);
      break;
    case PROP_N_SKIPPED_LINES:
      g_value_set_uint (value, self->n_skipped_lines);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_bulk_journal_class_init (KwBulkJournalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kw_bulk_journal_finalize;
  object_class->get_property = kw_bulk_journal_get_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHECKSUM] =
    g_param_spec_string ("checksum", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER_POOL_ID] =
    g_param_spec_string ("user-pool-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * KwBulkJournal:n-done:
   *
   * Usernames whose last recorded outcome is done.
   */
  properties[PROP_N_DONE] =
    g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_FAILED] =
    g_param_spec_uint ("n-failed", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * KwBulkJournal:n-skipped-lines:
   *
   * Lines of the file that were not a row and were skipped on opening.
   */
  properties[PROP_N_SKIPPED_LINES] =
    g_param_spec_uint ("n-skipped-lines", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kw_bulk_journal_init (KwBulkJournal *self)
{
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) entry_free);
  self->fd = -1;
  g_queue_init (&self->ops);
}

/* Lines */

/* Takes one row line into the table; FALSE when it is not one. */
static gboolean
read_row_line (KwBulkJournal *self,
               JsonParser    *parser,
               const char    *line)
{
  KwBulkJournalRow row = { NULL };

  if (!kw_bulk_journal_parse_row (parser, line, &row))
    return FALSE;

  g_hash_table_replace (self->entries, g_strdup (row.username),
                        entry_new (row.entry.done, row.entry.error_name, row.entry.request_id,
                                   row.entry.time));
  g_clear_pointer (&row.entry.time, g_date_time_unref);
  return TRUE;
}

static void
recount (KwBulkJournal *self)
{
  GHashTableIter iter;
  Entry *entry;

  self->n_done = 0;
  self->n_failed = 0;

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    {
      if (entry->public.done)
        self->n_done++;
      else
        self->n_failed++;
    }
}

/* Opening */

typedef struct
{
  char  *checksum;
  char  *user_pool_id;
  GFile *file;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_free (data->checksum);
  g_free (data->user_pool_id);
  g_clear_object (&data->file);
  g_free (data);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  g_autoptr(KwBulkJournal) self = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_auto(GStrv) lines = NULL;
  GError *error = NULL;
  gboolean header_seen = FALSE;

  self = g_object_new (KW_TYPE_BULK_JOURNAL, NULL);
  self->file = g_object_ref (data->file);
  self->checksum = g_strdup (data->checksum);
  self->user_pool_id = g_strdup (data->user_pool_id);

  if (!g_file_load_contents (data->file, cancellable, &contents, &length, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_task_return_error (task, error);
          return;
        }

      g_clear_error (&error);
      g_task_return_pointer (task, g_steal_pointer (&self), g_object_unref);
      return;
    }

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*lines[i] == '\0')
        continue;

      if (!header_seen)
        {
          /* Not ours (or torn before its header was whole): its lines say
           * nothing about this file and pool. */
          if (!kw_bulk_journal_is_header (parser, lines[i], data->checksum, data->user_pool_id))
            {
              g_debug ("Bulk journal %s: not for this file and pool, ignored",
                       g_file_peek_path (data->file));
              self->replace = TRUE;
              g_hash_table_remove_all (self->entries);
              self->n_skipped_lines = 0;
              break;
            }
          header_seen = TRUE;
          continue;
        }

      if (!read_row_line (self, parser, lines[i]))
        self->n_skipped_lines++;
    }

  /* A file without a header line (empty, or blank lines) is rewritten. */
  if (!header_seen)
    self->replace = TRUE;

  /* A crash in the middle of a write left a torn line: the next line
   * starts after a break of its own. */
  self->broken_line = length > 0 && contents[length - 1] != '\n';

  if (self->n_skipped_lines > 0)
    g_debug ("Bulk journal %s: %u lines skipped", g_file_peek_path (data->file),
             self->n_skipped_lines);

  recount (self);
  g_task_return_pointer (task, g_steal_pointer (&self), g_object_unref);
}

/**
 * kw_bulk_journal_open_async:
 * @checksum: the SHA-256 of the input file, in hex
 * @user_pool_id: the pool the rows are reset in
 * @folder: (nullable): where journals live, or %NULL for
 *   `$XDG_STATE_HOME/keyway/bulk`
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the journal
 * @user_data: data for @callback
 *
 * Reads the journal of @checksum and @user_pool_id on a worker thread. A
 * missing journal gives an empty one.
 */
void
kw_bulk_journal_open_async (const char          *checksum,
                            const char          *user_pool_id,
                            GFile               *folder,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GFile) default_folder = NULL;
  g_autofree char *key = NULL;
  g_autofree char *name = NULL;
  g_autofree char *hash = NULL;
  OpenData *data;

  g_return_if_fail (checksum != NULL && *checksum != '\0');
  g_return_if_fail (user_pool_id != NULL && *user_pool_id != '\0');
  g_return_if_fail (folder == NULL || G_IS_FILE (folder));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (folder == NULL)
    folder = default_folder = g_file_new_build_filename (g_get_user_state_dir (), "keyway",
                                                         "bulk", NULL);

  key = g_strconcat (checksum, "\n", user_pool_id, NULL);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
  name = g_strconcat (hash, ".journal", NULL);

  data = g_new0 (OpenData, 1);
  data->checksum = g_strdup (checksum);
  data->user_pool_id = g_strdup (user_pool_id);
  data->file = g_file_get_child (folder, name);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, kw_bulk_journal_open_async);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_thread);
}

/**
 * kw_bulk_journal_open_finish:
 *
 * Returns: (transfer full) (nullable): the journal, or %NULL with @error set
 */
KwBulkJournal *
kw_bulk_journal_open_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kw_bulk_journal_open_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GFile *
kw_bulk_journal_get_file (KwBulkJournal *self)
{
  g_return_val_if_fail (KW_IS_BULK_JOURNAL (self), NULL);

  return self->file;
}

const char *
kw_bulk_journal_get_checksum (KwBulkJournal *self)
{
  g_return_val_if_fail (KW_IS_BULK_JOURNAL (self), NULL);

  return self->checksum;
}

const char *
kw_bulk_journal_get_user_pool_id (KwBulkJournal *self)
{
  g_return_val_if_fail (KW_IS_BULK_JOURNAL (self), NULL);

  return self->user_pool_id;
}

guint
kw_bulk_journal_get_n_done (KwBulkJournal *self)
{
  g_return_val_if_fail (KW_IS_BULK_JOURNAL (self), 0);

  return self->n_done;
}

guint
kw_bulk_journal_get_n_failed (KwBulkJournal *self)
{
  g_return_val_if_fail (KW_IS_BULK_JOURNAL (self), 0);

  return self->n_failed;
}

guint
kw_bulk_journal_get_n_skipped_lines (KwBulkJournal *self)
{
  g_return_val_if_fail (KW_IS_BULK_JOURNAL (self), 0);

  return self->n_skipped_lines;
}

gboolean
kw_bulk_journal_is_unfinished (KwBulkJournal *self)
{
  g_return_val_if_fail (KW_IS_BULK_JOURNAL (self), FALSE);

  return self->n_done + self->n_failed > 0;
}

/**
 * kw_bulk_journal_lookup:
 * @username: a username
 *
 * Returns: (nullable) (transfer none): the last outcome recorded for
 *   @username, or %NULL when none was
 */
const KwBulkJournalEntry *
kw_bulk_journal_lookup (KwBulkJournal *self,
                        const char    *username)
{
  Entry *entry;

  g_return_val_if_fail (KW_IS_BULK_JOURNAL (self), NULL);
  g_return_val_if_fail (username != NULL, NULL);

  entry = g_hash_table_lookup (self->entries, username);

  return entry != NULL ? &entry->public : NULL;
}

/**
 * kw_bulk_journal_get_error:
 *
 * Returns: (nullable) (transfer none): the first write error
 */
const GError *
kw_bulk_journal_get_error (KwBulkJournal *self)
{
  g_return_val_if_fail (KW_IS_BULK_JOURNAL (self), NULL);

  return self->error;
}

static void
set_counts (KwBulkJournal *self,
            guint          n_done,
            guint          n_failed)
{
  if (self->n_done != n_done)
    {
      self->n_done = n_done;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
    }
  if (self->n_failed != n_failed)
    {
      self->n_failed = n_failed;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FAILED]);
    }
}

static void
push_op (KwBulkJournal *self,
         OpKind         kind,
         char          *line,
         GTask         *task)
{
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  op->line = line;
  op->task = task;
  g_queue_push_tail (&self->ops, op);
  process_next (self);
}

/**
 * kw_bulk_journal_record:
 * @self: a #KwBulkJournal
 * @username: whose row ended
 * @done: %TRUE if it is done, %FALSE if it failed
 * @error_name: (nullable): why it failed
 * @request_id: (nullable): the request id of the last answer
 * @time: (nullable): when it ended, or %NULL for now
 *
 * Records the row's outcome; the line is written in the background.
 */
void
kw_bulk_journal_record (KwBulkJournal *self,
                        const char    *username,
                        gboolean       done,
                        const char    *error_name,
                        const char    *request_id,
                        GDateTime     *time)
{
  g_autoptr(GDateTime) now = NULL;
  Entry *old;
  guint n_done, n_failed;

  g_return_if_fail (KW_IS_BULK_JOURNAL (self));
  g_return_if_fail (username != NULL && *username != '\0');

  if (time == NULL)
    time = now = g_date_time_new_now_utc ();

  n_done = self->n_done;
  n_failed = self->n_failed;
  old = g_hash_table_lookup (self->entries, username);
  if (old != NULL && old->public.done)
    n_done--;
  else if (old != NULL)
    n_failed--;
  if (done)
    n_done++;
  else
    n_failed++;

  g_hash_table_replace (self->entries, g_strdup (username),
                        entry_new (done, error_name, request_id, time));
  push_op (self, OP_LINE, kw_bulk_journal_row_line (username, done, error_name, request_id, time),
           NULL);
  set_counts (self, n_done, n_failed);
}

static void
set_write_error (KwBulkJournal *self,
                 GError        *error)
{
  if (self->error == NULL)
    {
      g_debug ("%s", error->message);
      self->error = g_error_copy (error);
    }
}

static void
job_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(KwBulkJournal) self = user_data;
  KwBulkJournalJob *job = g_task_get_task_data (G_TASK (result));
  Op *op = g_queue_peek_head (&self->ops);

  self->busy = FALSE;
  self->fd = job->fd;
  self->broken_line = job->broken_line;
  self->replace = self->replace && job->replace;
  job->fd = -1;

  if (job->discard)
    {
      g_assert (op != NULL && op->kind == OP_DISCARD);
      g_queue_pop_head (&self->ops);
      if (job->error != NULL)
        g_task_return_error (op->task, g_steal_pointer (&job->error));
      else
        g_task_return_boolean (op->task, TRUE);
      op_free (op);
    }
  else if (job->error != NULL)
    {
      set_write_error (self, job->error);
    }

  process_next (self);
}

static void
start_job (KwBulkJournal    *self,
           KwBulkJournalJob *job)
{
  g_autoptr(GTask) task = NULL;

  job->path = g_file_get_path (self->file);
  job->fd = self->fd;
  job->replace = self->replace;
  job->broken_line = self->broken_line;
  job->header = kw_bulk_journal_header_line (self->checksum, self->user_pool_id);
  self->fd = -1;
  self->busy = TRUE;

  task = g_task_new (NULL, NULL, job_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, (GDestroyNotify) kw_bulk_journal_job_free);
  g_task_run_in_thread (task, kw_bulk_journal_job_thread);
}

static void
process_next (KwBulkJournal *self)
{
  while (!self->busy && !g_queue_is_empty (&self->ops))
    {
      Op *op = g_queue_peek_head (&self->ops);
      KwBulkJournalJob *job;

      switch (op->kind)
        {
        case OP_FLUSH:
          g_queue_pop_head (&self->ops);
          if (self->error != NULL)
            g_task_return_error (op->task, g_error_copy (self->error));
          else
            g_task_return_boolean (op->task, TRUE);
          op_free (op);
          break;

        case OP_DISCARD:
          /* Popped when it is done, so that a flush behind it waits. */
          job = g_new0 (KwBulkJournalJob, 1);
          job->discard = TRUE;
          start_job (self, job);
          break;

        case OP_LINE:
          job = g_new0 (KwBulkJournalJob, 1);
          job->lines = g_ptr_array_new_with_free_func (g_free);
          while ((op = g_queue_peek_head (&self->ops)) != NULL && op->kind == OP_LINE)
            {
              g_ptr_array_add (job->lines, g_steal_pointer (&op->line));
              op_free (g_queue_pop_head (&self->ops));
            }
          start_job (self, job);
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

/**
 * kw_bulk_journal_flush_async:
 * @self: a #KwBulkJournal
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once every line recorded before the call is written
 * @user_data: data for @callback
 */
void
kw_bulk_journal_flush_async (KwBulkJournal       *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (KW_IS_BULK_JOURNAL (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kw_bulk_journal_flush_async);
  push_op (self, OP_FLUSH, NULL, task);
}

/**
 * kw_bulk_journal_flush_finish:
 *
 * Returns: %TRUE if every line so far was written
 */
gboolean
kw_bulk_journal_flush_finish (KwBulkJournal  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (KW_IS_BULK_JOURNAL (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kw_bulk_journal_flush_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * kw_bulk_journal_discard_async:
 * @self: a #KwBulkJournal
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once the file is removed
 * @user_data: data for @callback
 *
 * Forgets every entry at once, and removes the file after the lines queued
 * before. A missing file is not an error.
 */
void
kw_bulk_journal_discard_async (KwBulkJournal       *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (KW_IS_BULK_JOURNAL (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kw_bulk_journal_discard_async);
  /* Once the file is gone it is gone, cancelled or not. */
  g_task_set_check_cancellable (task, FALSE);

  g_hash_table_remove_all (self->entries);
  g_clear_error (&self->error);
  /* The next file is a new one, with a header of its own. */
  self->replace = FALSE;
  set_counts (self, 0, 0);

  push_op (self, OP_DISCARD, NULL, task);
}

gboolean
kw_bulk_journal_discard_finish (KwBulkJournal  *self,
                                GAsyncResult   *result,
                                GError        **error)
{
  g_return_val_if_fail (KW_IS_BULK_JOURNAL (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kw_bulk_journal_discard_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
