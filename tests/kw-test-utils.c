/* kw-test-utils.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-test-utils.h"

#include <locale.h>
#include <string.h>

/* Every test gets its own HOME and XDG folders, so nothing a developer has in
 * ~/.aws or the keyring can change a result. */
void
kw_test_init (int    *argc,
              char ***argv)
{
  /* Variables a developer's shell may carry would change what the tests see. */
  static const char * const inherited[] = {
    "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN",
    "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION",
    "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", "AWS_CONFIG_FILE",
    "AWS_SHARED_CREDENTIALS_FILE", "AWS_USE_FIPS_ENDPOINT", "KEYWAY_CLIENT_SECRET",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inherited); i++)
    g_unsetenv (inherited[i]);

  /* The isolated XDG folders hold no GSettings schemas, which the desktop's
   * proxy module would need; tests talk to loopback only anyway. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
}

/**
 * kw_test_shared_path:
 *
 * A path inside ../shared (the AWS model and SigV4 vectors), which tests read
 * in place rather than from a copy in the repository.
 *
 * Returns: (nullable): the path, or %NULL (the test is then marked skipped)
 */
char *
kw_test_shared_path (const char *first_element,
                     ...)
{
  const char *shared = g_getenv ("KEYWAY_SHARED_DIR");
  g_autofree char *relative = NULL;
  g_autofree char *path = NULL;
  va_list args;

  va_start (args, first_element);
  relative = g_build_filename_valist (first_element, &args);
  va_end (args);

  if (shared == NULL)
    {
      g_test_skip ("KEYWAY_SHARED_DIR is not set");
      return NULL;
    }

  path = g_build_filename (shared, relative, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *reason = g_strdup_printf ("%s is missing", path);
      g_test_skip (reason);
      return NULL;
    }

  return g_steal_pointer (&path);
}

void
kw_test_wait_for (gboolean *flag)
{
  while (!*flag)
    g_main_context_iteration (NULL, TRUE);
}

void
kw_test_wait_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

/* An async callback that keeps the result for kw_test_wait_result(). */
void
kw_test_store_result_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  GAsyncResult **store = user_data;

  *store = g_object_ref (result);
}

gboolean
kw_test_file_contains (const char *path,
                       const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;

  return memmem (contents, length, needle, strlen (needle)) != NULL;
}
