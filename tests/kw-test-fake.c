/* kw-test-fake.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-test-fake.h"

#include "kw-test-utils.h"

/* A pool with one user per delivery situation the tests need. */
KwFakeCognito *
kw_test_fake_new (void)
{
  g_autoptr(KwFakeCognito) fake = kw_fake_cognito_new ();
  g_autoptr(GError) error = NULL;
  KwFakeDirectory *directory = kw_fake_cognito_get_directory (fake);

  kw_fake_directory_add_pool (directory, TEST_POOL);
  kw_fake_directory_add_client (directory, TEST_POOL, TEST_CLIENT, NULL, FALSE);
  kw_fake_directory_add_client (directory, TEST_POOL, TEST_SECRET_CLIENT, TEST_CLIENT_SECRET,
                                FALSE);
  kw_fake_directory_add_client (directory, TEST_POOL, TEST_HIDDEN_CLIENT, NULL, TRUE);

  kw_fake_directory_add_user (directory, TEST_POOL, "jane", "Old-Passw0rd!");
  kw_fake_directory_set_attribute (directory, TEST_POOL, "jane", "email", "jane@example.com");
  kw_fake_directory_set_attribute (directory, TEST_POOL, "jane", "email_verified", "true");

  kw_fake_directory_add_user (directory, TEST_POOL, "sam", "Old-Passw0rd!");
  kw_fake_directory_set_attribute (directory, TEST_POOL, "sam", "phone_number", "+15555550123");
  kw_fake_directory_set_attribute (directory, TEST_POOL, "sam", "phone_number_verified", "true");

  kw_fake_directory_add_user (directory, TEST_POOL, "nocontact", "Old-Passw0rd!");
  kw_fake_directory_set_attribute (directory, TEST_POOL, "nocontact", "email", "nc@example.com");
  kw_fake_directory_set_attribute (directory, TEST_POOL, "nocontact", "email_verified", "false");

  kw_fake_directory_add_user (directory, TEST_POOL, "zoë", "Old-Passw0rd!");
  kw_fake_directory_set_attribute (directory, TEST_POOL, "zoë", "email", "zoe@example.com");
  kw_fake_directory_set_attribute (directory, TEST_POOL, "zoë", "email_verified", "true");

  kw_fake_cognito_add_credentials (fake, TEST_ACCESS_KEY, TEST_SECRET_KEY, NULL);

  kw_fake_cognito_start (fake, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&fake);
}

/* ForgotPassword, run to its end on the thread-default main context. */
KwCodeDeliveryDetails *
kw_test_forgot_password (KwCognitoClient  *client,
                         const char       *username,
                         GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kw_cognito_client_forgot_password_async (client, username, NULL, NULL,
                                           kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  return kw_cognito_client_forgot_password_finish (client, result, error);
}
