/* kw-bulk-journal-file.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-bulk-journal-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The journal's file: JSON lines, a header naming the pool and the input
 * file's checksum, then one line per ended row, the last line of a
 * username winning. Written with one write(2) per line on a file opened
 * with O_APPEND, on a worker thread, without fsync. */

#define JOURNAL_FORMAT "keyway-bulk-reset"
#define JOURNAL_VERSION 1

/* Lines */

static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = time != NULL ? g_date_time_to_utc (time)
                                          : g_date_time_new_now_utc ();
  g_autofree char *seconds = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (utc) / 1000);
}

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

/* Builds a line, with its line break, from a builder with an open object. */
static char *
end_line (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);

  return g_strconcat (json, "\n", NULL);
}

char *
kw_bulk_journal_header_line (const char *checksum,
                             const char *user_pool_id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string_member (builder, "journal", JOURNAL_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, JOURNAL_VERSION);
  add_string_member (builder, "userPoolId", user_pool_id);
  add_string_member (builder, "checksum", checksum);

  return end_line (builder);
}

char *
kw_bulk_journal_row_line (const char *username,
                          gboolean    done,
                          const char *error_name,
                          const char *request_id,
                          GDateTime  *time)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *stamp = format_time (time);

  json_builder_begin_object (builder);
  add_string_member (builder, "username", username);
  add_string_member (builder, "outcome", done ? "done" : "failed");
  add_string_member (builder, "error", error_name);
  add_string_member (builder, "requestId", request_id);
  add_string_member (builder, "time", stamp);

  return end_line (builder);
}

/* A string member, or %NULL when it is missing, null or not a string. */
static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *line)
{
  JsonNode *root;

  if (!json_parser_load_from_data (parser, line, -1, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  return json_node_get_object (root);
}

gboolean
kw_bulk_journal_is_header (JsonParser *parser,
                           const char *line,
                           const char *checksum,
                           const char *user_pool_id)
{
  JsonObject *object = parse_object (parser, line);
  JsonNode *version = object != NULL ? json_object_get_member (object, "version") : NULL;

  return object != NULL &&
         g_strcmp0 (get_string (object, "journal"), JOURNAL_FORMAT) == 0 &&
         version != NULL && JSON_NODE_HOLDS_VALUE (version) &&
         json_node_get_value_type (version) == G_TYPE_INT64 &&
         json_node_get_int (version) == JOURNAL_VERSION &&
         g_strcmp0 (get_string (object, "userPoolId"), user_pool_id) == 0 &&
         g_strcmp0 (get_string (object, "checksum"), checksum) == 0;
}

gboolean
kw_bulk_journal_parse_row (JsonParser       *parser,
                           const char       *line,
                           KwBulkJournalRow *row)
{
  JsonObject *object = parse_object (parser, line);
  const char *outcome;
  const char *stamp;

  if (object == NULL)
    return FALSE;

  row->username = get_string (object, "username");
  outcome = get_string (object, "outcome");
  if (row->username == NULL || *row->username == '\0' ||
      (g_strcmp0 (outcome, "done") != 0 && g_strcmp0 (outcome, "failed") != 0))
    return FALSE;

  row->entry.done = strcmp (outcome, "done") == 0;
  row->entry.error_name = get_string (object, "error");
  row->entry.request_id = get_string (object, "requestId");
  stamp = get_string (object, "time");
  row->entry.time = stamp != NULL ? g_date_time_new_from_iso8601 (stamp, NULL) : NULL;

  return TRUE;
}

/* Writing */

void
kw_bulk_journal_job_free (KwBulkJournalJob *job)
{
  g_free (job->path);
  g_free (job->header);
  g_clear_pointer (&job->lines, g_ptr_array_unref);
  g_clear_error (&job->error);
  g_free (job);
}

static void
job_set_errno (KwBulkJournalJob *job,
               int               saved_errno,
               const char       *what)
{
  if (job->error != NULL)
    return;

  g_set_error (&job->error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "Could not %s the bulk reset journal %s: %s", what, job->path,
               g_strerror (saved_errno));
}

/* One write(2) for the whole line, so that lines never interleave; a short
 * write (a full disk) leaves half a line, which the next one ends first. */
static gboolean
write_line (KwBulkJournalJob *job,
            const char       *line)
{
  g_autofree char *joined = job->broken_line ? g_strconcat ("\n", line, NULL) : NULL;
  const char *data = joined != NULL ? joined : line;
  gsize length = strlen (data);
  gssize written;

  do
    written = write (job->fd, data, length);
  while (written < 0 && errno == EINTR);

  if (written < 0 || (gsize) written < length)
    {
      job_set_errno (job, written < 0 ? errno : ENOSPC, "write");
      job->broken_line = written > 0;
      return FALSE;
    }

  job->broken_line = FALSE;
  return TRUE;
}

static gboolean
open_for_append (KwBulkJournalJob *job)
{
  g_autofree char *folder = g_path_get_dirname (job->path);
  struct stat info;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      job_set_errno (job, errno, "create the folder of");
      return FALSE;
    }

  job->fd = g_open (job->path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC |
                               (job->replace ? O_TRUNC : 0), 0600);
  if (job->fd < 0)
    {
      job_set_errno (job, errno, "open");
      return FALSE;
    }
  if (job->replace)
    job->broken_line = FALSE;
  job->replace = FALSE;

  if (fstat (job->fd, &info) == 0 && info.st_size == 0)
    return write_line (job, job->header);

  return TRUE;
}

void
kw_bulk_journal_job_thread (GTask        *task,
                            gpointer      source_object,
                            gpointer      task_data,
                            GCancellable *cancellable)
{
  KwBulkJournalJob *job = task_data;

  if (job->discard)
    {
      if (job->fd >= 0)
        close (job->fd);
      job->fd = -1;
      job->broken_line = FALSE;
      if (g_unlink (job->path) != 0 && errno != ENOENT)
        job_set_errno (job, errno, "remove");
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (job->fd < 0 && !open_for_append (job))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  for (guint i = 0; i < job->lines->len; i++)
    write_line (job, g_ptr_array_index (job->lines, i));

  g_task_return_boolean (task, TRUE);
}

