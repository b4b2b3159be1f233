/* kw-bulk-journal-private.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "kw-bulk-journal.h"

G_BEGIN_DECLS

/* The journal's file, in kw-bulk-journal-file.c: the format of its lines,
 * and the writes, made on a worker thread. */

/* The first line, with its line break: whose journal it is. */
char     *kw_bulk_journal_header_line (const char        *checksum,
                                       const char        *user_pool_id);
/* One ended row's line, with its line break. */
char     *kw_bulk_journal_row_line    (const char        *username,
                                       gboolean           done,
                                       const char        *error_name,
                                       const char        *request_id,
                                       GDateTime         *time);
gboolean  kw_bulk_journal_is_header   (JsonParser        *parser,
                                       const char        *line,
                                       const char        *checksum,
                                       const char        *user_pool_id);

/* A row line as read: the strings belong to @parser until it loads another
 * line; the time (nullable: missing or unreadable) to the caller. */
typedef struct
{
  const char         *username;
  KwBulkJournalEntry  entry;
} KwBulkJournalRow;

gboolean  kw_bulk_journal_parse_row   (JsonParser        *parser,
                                       const char        *line,
                                       KwBulkJournalRow  *row);

/* One job on a worker thread: lines to append, or the file to remove. A
 * job has copies of what it needs, never the journal, so that the
 * journal's last reference is always dropped on the main thread. */
typedef struct
{
  /* In */
  char      *path;
  char      *header;
  GPtrArray *lines;        /* of char *, each with its line break */
  gboolean   discard;
  gboolean   replace;      /* in: truncate when opening; out: still to do */
  /* In and out */
  int        fd;           /* -1 until opened; closed by a discard */
  gboolean   broken_line;  /* the file ends in half a line */
  /* Out */
  GError    *error;        /* the first error */
} KwBulkJournalJob;

void      kw_bulk_journal_job_free    (KwBulkJournalJob  *job);
/* A GTaskThreadFunc for a task whose data is the job; it always returns
 * TRUE, and leaves what went wrong in the job. */
void      kw_bulk_journal_job_thread  (GTask             *task,
                                       gpointer           source_object,
                                       gpointer           task_data,
                                       GCancellable      *cancellable);

G_END_DECLS
