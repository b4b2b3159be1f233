/* kw-test-bulk.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-test-bulk.h"

#include "kw-test-utils.h"

#include <string.h>
#include <unistd.h>

static void
code_sent_cb (KwFakeCognito *fake,
              const char    *username,
              const char    *destination,
              const char    *medium,
              const char    *code,
              gpointer       user_data)
{
  KwTestBulk *fixture = user_data;
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (fixture->codes_sent, username));

  g_hash_table_replace (fixture->codes_sent, g_strdup (username), GUINT_TO_POINTER (count + 1));

  if (fixture->codes_fd >= 0)
    {
      g_autofree char *line = g_strconcat (username, "\n", NULL);

      /* One write per code: a crash right after it keeps the count. */
      g_assert_cmpint (write (fixture->codes_fd, line, strlen (line)), ==, (gssize) strlen (line));
    }
}

char *
kw_test_bulk_user_name (guint i)
{
  return g_strdup_printf ("user%03u", i);
}

void
kw_test_bulk_setup (KwTestBulk    *fixture,
                    gconstpointer  data)
{
  g_autoptr(KwAwsCredentials) credentials =
    kw_aws_credentials_new (TEST_ACCESS_KEY, TEST_SECRET_KEY, NULL, "test");

  fixture->fake = kw_test_fake_new ();
  fixture->directory = kw_fake_cognito_get_directory (fixture->fake);
  fixture->codes_sent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fixture->codes_fd = -1;
  g_signal_connect (fixture->fake, "code-sent", G_CALLBACK (code_sent_cb), fixture);

  for (guint i = 0; i < GPOINTER_TO_UINT (data); i++)
    {
      g_autofree char *username = kw_test_bulk_user_name (i);
      g_autofree char *email = g_strdup_printf ("%s@example.com", username);

      kw_fake_directory_add_user (fixture->directory, TEST_POOL, username, "Old-Passw0rd!");
      kw_fake_directory_set_attribute (fixture->directory, TEST_POOL, username, "email", email);
      kw_fake_directory_set_attribute (fixture->directory, TEST_POOL, username, "email_verified",
                                       "true");
    }

  fixture->client = g_object_new (KW_TYPE_COGNITO_CLIENT,
                                  "endpoint", kw_fake_cognito_get_url (fixture->fake),
                                  "region", "us-east-1",
                                  "retry-base-delay", 5,
                                  "timeout", 5,
                                  NULL);
  kw_cognito_client_set_credentials (fixture->client, credentials);
  fixture->log = kw_audit_log_new (NULL);
  fixture->helpdesk = kw_helpdesk_new (fixture->client, TEST_POOL, NULL, fixture->log,
                                       TEST_ACCESS_KEY);
}

void
kw_test_bulk_teardown (KwTestBulk    *fixture,
                       gconstpointer  data)
{
  g_assert_finalize_object (fixture->helpdesk);
  g_assert_finalize_object (fixture->log);
  g_assert_finalize_object (fixture->client);
  g_assert_finalize_object (fixture->fake);
  g_hash_table_unref (fixture->codes_sent);
  if (fixture->codes_fd >= 0)
    close (fixture->codes_fd);
}

guint
kw_test_bulk_codes_sent (KwTestBulk *fixture,
                         const char *username)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (fixture->codes_sent, username));
}

GStrv
kw_test_bulk_usernames (guint               n,
                        const char * const *extra)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *username = kw_test_bulk_user_name (i);

      g_strv_builder_add (builder, username);
    }
  if (extra != NULL)
    g_strv_builder_addv (builder, (const char **) extra);

  return g_strv_builder_end (builder);
}

gboolean
kw_test_bulk_run (KwBulkReset   *bulk,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kw_bulk_reset_run_async (bulk, cancellable, kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  return kw_bulk_reset_run_finish (bulk, result, error);
}

KwBulkResetRow *
kw_test_bulk_row_at (KwBulkReset *bulk,
                     guint        position)
{
  KwBulkResetRow *row = g_list_model_get_item (G_LIST_MODEL (bulk), position);

  g_assert_nonnull (row);
  g_object_unref (row);
  return row;
}

void
kw_test_bulk_wait_ms (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

void
kw_test_bulk_cancel_at_cb (KwBulkReset *bulk,
                           guint        done,
                           guint        failed,
                           guint        remaining,
                           gpointer     user_data)
{
  KwTestCancelAt *cancel = user_data;

  if (done >= cancel->cancel_at)
    g_cancellable_cancel (cancel->cancellable);
}

void
kw_test_count_notify_cb (GObject    *object,
                         GParamSpec *pspec,
                         gpointer    user_data)
{
  (*(guint *) user_data)++;
}

KwBulkJournal *
kw_test_bulk_open_journal (const char  *checksum,
                           const char  *user_pool_id,
                           GFile       *folder,
                           GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kw_bulk_journal_open_async (checksum, user_pool_id, folder, NULL, kw_test_store_result_cb,
                              &result);
  kw_test_wait_result (&result);
  return kw_bulk_journal_open_finish (result, error);
}

gboolean
kw_test_bulk_flush_journal (KwBulkJournal  *journal,
                            GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kw_bulk_journal_flush_async (journal, NULL, kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  return kw_bulk_journal_flush_finish (journal, result, error);
}
