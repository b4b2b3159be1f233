/* test-tls.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-cognito-client.h"
#include "kw-test-fake.h"
#include "kw-test-utils.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

/* A test binary of its own: the TLS backend's worker threads outlive the
 * test, and LeakSanitizer's thread tracer cannot read their thread-local
 * storage, so the sanitizer stage runs this one without leak detection. The
 * client code it drives is leak-checked by test-cognito-client. */

static void
count_request_cb (SoupServer        *server,
                  SoupServerMessage *message,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           user_data)
{
  guint *hits = user_data;

  (*hits)++;
  soup_server_message_set_status (message, 200, NULL);
}

/* A certificate the system does not trust ends the call before any request
 * is sent: TLS errors are never ignored, even on loopback. */
static void
test_tls_certificate_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("keyway-tls-XXXXXX", NULL);
  g_autofree char *cert_path = g_build_filename (dir, "cert.pem", NULL);
  g_autofree char *key_path = g_build_filename (dir, "key.pem", NULL);
  const char *argv[] = { "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                         "-subj", "/CN=127.0.0.1", "-keyout", key_path, "-out", cert_path, NULL };
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoslist(GUri) uris = NULL;
  g_autofree char *url = NULL;
  g_autoptr(KwCognitoClient) client = NULL;
  g_autoptr(KwCodeDeliveryDetails) details = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  guint hits = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);

  certificate = g_tls_certificate_new_from_files (cert_path, key_path, &error);
  g_assert_no_error (error);
  server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (server, NULL, count_request_cb, &hits, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY | SOUP_SERVER_LISTEN_HTTPS,
                            &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("https://127.0.0.1:%d", g_uri_get_port (uris->data));

  client = kw_cognito_client_new (url, "us-east-1", TEST_CLIENT, NULL);
  details = kw_test_forgot_password (client, "jane", &error);

  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_TLS_FAILURE);
  g_assert_cmpuint (hits, ==, 0);

  soup_server_disconnect (server);
  g_unlink (cert_path);
  g_unlink (key_path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  kw_test_init (&argc, &argv);

  g_test_add_func ("/keyway/tls/certificate-refused", test_tls_certificate_refused);

  return g_test_run ();
}
