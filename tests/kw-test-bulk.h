/* kw-test-bulk.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kw-bulk-journal.h"
#include "kw-bulk-reset.h"
#include "kw-test-fake.h"

G_BEGIN_DECLS

/* What the bulk reset tests share: a fake with users user000, user001, …
 * (as many as the test data says), each with a verified email, and a
 * helpdesk on it that writes an audit log. Every code the fake sends is
 * counted per user, and also appended to @codes_fd when it is set, for a
 * count that outlives the process. */
typedef struct
{
  KwFakeCognito   *fake;
  KwFakeDirectory *directory;
  KwCognitoClient *client;
  KwAuditLog      *log;
  KwHelpdesk      *helpdesk;
  GHashTable      *codes_sent;   /* username → codes the fake sent them */
  int              codes_fd;     /* -1, or where each code's username goes too */
} KwTestBulk;

/* For g_test_add(): @data is the number of users, GUINT_TO_POINTER. */
void            kw_test_bulk_setup         (KwTestBulk     *fixture,
                                            gconstpointer   data);
void            kw_test_bulk_teardown      (KwTestBulk     *fixture,
                                            gconstpointer   data);
char           *kw_test_bulk_user_name     (guint           i);
/* The first @n users, then @extra (nullable). */
GStrv           kw_test_bulk_usernames     (guint               n,
                                            const char * const *extra);
guint           kw_test_bulk_codes_sent    (KwTestBulk     *fixture,
                                            const char     *username);

gboolean        kw_test_bulk_run           (KwBulkReset    *bulk,
                                            GCancellable   *cancellable,
                                            GError        **error);
/* The row at @position; the list holds the reference. */
KwBulkResetRow *kw_test_bulk_row_at        (KwBulkReset    *bulk,
                                            guint           position);
void            kw_test_bulk_wait_ms       (guint           ms);

/* A "progress" handler that cancels once @cancel_at rows are done. */
typedef struct
{
  GCancellable *cancellable;
  guint         cancel_at;
} KwTestCancelAt;

void            kw_test_bulk_cancel_at_cb  (KwBulkReset    *bulk,
                                            guint           done,
                                            guint           failed,
                                            guint           remaining,
                                            gpointer        user_data);
/* A "notify" handler that counts into the guint at @user_data. */
void            kw_test_count_notify_cb    (GObject        *object,
                                            GParamSpec     *pspec,
                                            gpointer        user_data);

KwBulkJournal  *kw_test_bulk_open_journal  (const char     *checksum,
                                            const char     *user_pool_id,
                                            GFile          *folder,
                                            GError        **error);
gboolean        kw_test_bulk_flush_journal (KwBulkJournal  *journal,
                                            GError        **error);

G_END_DECLS
