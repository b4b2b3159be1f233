/* test-password-policy.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-cognito-model.h"
#include "kw-core-enums.h"
#include "kw-password-check.h"
#include "kw-password-policy.h"
#include "kw-test-utils.h"

#include <string.h>

#define ALL_RULES (KW_PASSWORD_RULE_LENGTH | KW_PASSWORD_RULE_UPPERCASE | \
                   KW_PASSWORD_RULE_LOWERCASE | KW_PASSWORD_RULE_NUMBER | \
                   KW_PASSWORD_RULE_SYMBOL | KW_PASSWORD_RULE_NO_SPACE)
#define CLASS_RULES (KW_PASSWORD_RULE_UPPERCASE | KW_PASSWORD_RULE_LOWERCASE | \
                     KW_PASSWORD_RULE_NUMBER | KW_PASSWORD_RULE_SYMBOL)

typedef struct
{
  const char      *input;
  KwPasswordRules  expected;
} Case;

static KwPasswordPolicy
policy_of (guint    minimum_length,
           gboolean classes)
{
  KwPasswordPolicy policy = {
    minimum_length, classes, classes, classes, classes,
  };

  return policy;
}

static char *
repeat (const char *piece,
        guint       times)
{
  GString *string = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (string, piece);

  return g_string_free (string, FALSE);
}

static void
wipe_free (char *secret)
{
  explicit_bzero (secret, strlen (secret));
  g_free (secret);
}

static void
assert_cases (const KwPasswordPolicy *policy,
              const Case             *cases,
              gsize                   n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_test_message ("case %" G_GSIZE_FORMAT, i);
      g_assert_cmphex (kw_password_policy_check (policy, cases[i].input), ==, cases[i].expected);
    }
}

static void
test_defaults (void)
{
  g_autoptr(KwPasswordPolicy) policy = kw_password_policy_new_default ();
  g_autoptr(KwPasswordPolicy) copy = NULL;
  KwPasswordPolicy stack = policy_of (30, FALSE);

  g_assert_cmpuint (policy->minimum_length, ==, 8);
  g_assert_true (policy->require_uppercase);
  g_assert_true (policy->require_lowercase);
  g_assert_true (policy->require_numbers);
  g_assert_true (policy->require_symbols);
  g_assert_cmphex (kw_password_policy_get_rules (policy), ==, ALL_RULES);

  kw_password_policy_init_default (&stack);
  g_assert_true (kw_password_policy_equal (&stack, policy));

  copy = g_boxed_copy (KW_TYPE_PASSWORD_POLICY, policy);
  g_assert_true (copy != policy);
  g_assert_true (kw_password_policy_equal (copy, policy));
  copy->require_symbols = FALSE;
  g_assert_false (kw_password_policy_equal (copy, policy));
  g_assert_true (policy->require_symbols);

  /* Any true value is true. */
  copy->require_symbols = 7;
  g_assert_true (kw_password_policy_equal (copy, policy));
  copy->minimum_length = 9;
  g_assert_false (kw_password_policy_equal (copy, policy));

  g_assert_true (kw_password_policy_equal (NULL, NULL));
  g_assert_false (kw_password_policy_equal (policy, NULL));
  g_assert_false (kw_password_policy_equal (NULL, policy));

  g_assert_true (kw_password_policy_accepts (policy, "Abcdef1!"));
  g_assert_false (kw_password_policy_accepts (policy, "Abcdefg1"));
  g_assert_false (kw_password_policy_accepts (policy, "Abcde1!"));
}

static void
test_length (void)
{
  KwPasswordPolicy policy = policy_of (8, FALSE);
  KwPasswordPolicy longest = policy_of (99, FALSE);
  static const struct { guint length; gboolean met; } ascii[] = {
    { 0, FALSE }, { 1, FALSE }, { 7, FALSE }, { 8, TRUE }, { 9, TRUE },
    { 99, TRUE }, { 255, TRUE }, { 256, TRUE }, { 257, FALSE }, { 1000, FALSE },
  };
  static const struct { const char *piece; guint times; gboolean met; } wide[] = {
    { "é", 7, FALSE },    /* 14 bytes, 7 characters */
    { "é", 8, TRUE },
    { "😀", 2, FALSE },    /* 8 bytes, 2 characters */
    { "😀", 7, FALSE },
    { "😀", 8, TRUE },
    { "😀", 256, TRUE },   /* 1024 bytes */
    { "😀", 257, FALSE },
    { "\u00a0", 8, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ascii); i++)
    {
      g_autofree char *password = g_strnfill (ascii[i].length, 'a');
      KwPasswordRules met = kw_password_policy_check (&policy, password);

      g_test_message ("%u ASCII characters", ascii[i].length);
      g_assert_cmpint (!!(met & KW_PASSWORD_RULE_LENGTH), ==, ascii[i].met);
      g_assert_cmpint (kw_password_policy_accepts (&policy, password), ==, ascii[i].met);
    }

  for (guint i = 0; i < G_N_ELEMENTS (wide); i++)
    {
      g_autofree char *password = repeat (wide[i].piece, wide[i].times);
      KwPasswordRules met = kw_password_policy_check (&policy, password);

      g_test_message ("%u × %s", wide[i].times, wide[i].piece);
      g_assert_cmpint (!!(met & KW_PASSWORD_RULE_LENGTH), ==, wide[i].met);
    }

  /* Cognito's largest minimum. */
  for (guint length = 97; length <= 101; length++)
    {
      g_autofree char *password = g_strnfill (length, 'x');

      g_assert_cmpint (kw_password_policy_accepts (&longest, password), ==, length >= 99);
    }
}

static void
test_uppercase (void)
{
  KwPasswordPolicy policy = policy_of (8, TRUE);
  static const Case cases[] = {
    { "A", KW_PASSWORD_RULE_UPPERCASE | KW_PASSWORD_RULE_NO_SPACE },
    { "Z", KW_PASSWORD_RULE_UPPERCASE | KW_PASSWORD_RULE_NO_SPACE },
    { "M", KW_PASSWORD_RULE_UPPERCASE | KW_PASSWORD_RULE_NO_SPACE },
    /* The neighbours of A–Z in ASCII are symbols, not letters. */
    { "@", KW_PASSWORD_RULE_SYMBOL | KW_PASSWORD_RULE_NO_SPACE },
    { "[", KW_PASSWORD_RULE_SYMBOL | KW_PASSWORD_RULE_NO_SPACE },
    /* Uppercase outside Basic Latin does not count for Cognito. */
    { "É", KW_PASSWORD_RULE_NO_SPACE },
    { "Ω", KW_PASSWORD_RULE_NO_SPACE },
    { "Ж", KW_PASSWORD_RULE_NO_SPACE },
    { "Ａ", KW_PASSWORD_RULE_NO_SPACE },    /* fullwidth */
    { "ǅ", KW_PASSWORD_RULE_NO_SPACE },     /* titlecase */
    { "ÉΩЖ", KW_PASSWORD_RULE_NO_SPACE },
    { "ÉxΩ", KW_PASSWORD_RULE_LOWERCASE | KW_PASSWORD_RULE_NO_SPACE },
  };

  assert_cases (&policy, cases, G_N_ELEMENTS (cases));
  g_assert_false (kw_password_policy_accepts (&policy, "ÉÉÉÉbc1!"));
  g_assert_true (kw_password_policy_accepts (&policy, "ÉÉÉEbc1!"));
}

static void
test_lowercase (void)
{
  KwPasswordPolicy policy = policy_of (8, TRUE);
  static const Case cases[] = {
    { "a", KW_PASSWORD_RULE_LOWERCASE | KW_PASSWORD_RULE_NO_SPACE },
    { "z", KW_PASSWORD_RULE_LOWERCASE | KW_PASSWORD_RULE_NO_SPACE },
    { "`", KW_PASSWORD_RULE_SYMBOL | KW_PASSWORD_RULE_NO_SPACE },
    { "{", KW_PASSWORD_RULE_SYMBOL | KW_PASSWORD_RULE_NO_SPACE },
    { "é", KW_PASSWORD_RULE_NO_SPACE },
    { "ß", KW_PASSWORD_RULE_NO_SPACE },
    { "ω", KW_PASSWORD_RULE_NO_SPACE },
    { "ж", KW_PASSWORD_RULE_NO_SPACE },
    { "ａ", KW_PASSWORD_RULE_NO_SPACE },
    { "ı", KW_PASSWORD_RULE_NO_SPACE },     /* dotless i */
  };

  assert_cases (&policy, cases, G_N_ELEMENTS (cases));
  g_assert_false (kw_password_policy_accepts (&policy, "ABCDééé1!"));
  g_assert_true (kw_password_policy_accepts (&policy, "ABCDééz1!"));
}

static void
test_number (void)
{
  KwPasswordPolicy policy = policy_of (8, TRUE);
  static const Case cases[] = {
    { "0", KW_PASSWORD_RULE_NUMBER | KW_PASSWORD_RULE_NO_SPACE },
    { "9", KW_PASSWORD_RULE_NUMBER | KW_PASSWORD_RULE_NO_SPACE },
    { "5", KW_PASSWORD_RULE_NUMBER | KW_PASSWORD_RULE_NO_SPACE },
    { "/", KW_PASSWORD_RULE_SYMBOL | KW_PASSWORD_RULE_NO_SPACE },
    { ":", KW_PASSWORD_RULE_SYMBOL | KW_PASSWORD_RULE_NO_SPACE },
    { "٣", KW_PASSWORD_RULE_NO_SPACE },     /* Arabic-Indic three */
    { "１", KW_PASSWORD_RULE_NO_SPACE },    /* fullwidth */
    { "²", KW_PASSWORD_RULE_NO_SPACE },
    { "½", KW_PASSWORD_RULE_NO_SPACE },
    { "Ⅻ", KW_PASSWORD_RULE_NO_SPACE },
  };

  assert_cases (&policy, cases, G_N_ELEMENTS (cases));
  g_assert_false (kw_password_policy_accepts (&policy, "Abcdef١!"));
  g_assert_true (kw_password_policy_accepts (&policy, "Abcdef1!"));
}

static void
test_symbol (void)
{
  static const char symbols[] = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+-";
  KwPasswordPolicy policy = policy_of (8, TRUE);
  static const char * const not_symbols[] = {
    " ", "\u00a0", "¡", "¿", "€", "£", "§", "–", "—", "…", "«", "＠", "！", "😀", "·",
  };

  g_assert_cmpuint (strlen (symbols), ==, 32);

  for (const char *s = symbols; *s != '\0'; s++)
    {
      char alone[2] = { *s, '\0' };
      g_autofree char *password = g_strdup_printf ("Abcdef1%c", *s);

      g_test_message ("symbol %c", *s);
      g_assert_true (kw_password_is_symbol ((guchar) *s));
      g_assert_cmphex (kw_password_policy_check (&policy, alone), ==,
                       KW_PASSWORD_RULE_SYMBOL | KW_PASSWORD_RULE_NO_SPACE);
      g_assert_true (kw_password_policy_accepts (&policy, password));
    }

  /* Cognito's list is exactly ASCII's punctuation. */
  for (gunichar c = 1; c < 0x80; c++)
    g_assert_cmpint (kw_password_is_symbol (c), ==, g_ascii_ispunct ((char) c));
  g_assert_false (kw_password_is_symbol (0));

  for (guint i = 0; i < G_N_ELEMENTS (not_symbols); i++)
    {
      g_autofree char *password = g_strdup_printf ("Abcdef1%s", not_symbols[i]);

      g_test_message ("not a symbol: U+%04X", g_utf8_get_char (not_symbols[i]));
      g_assert_false (kw_password_is_symbol (g_utf8_get_char (not_symbols[i])));
      g_assert_false (kw_password_policy_check (&policy, password) & KW_PASSWORD_RULE_SYMBOL);
      g_assert_false (kw_password_policy_accepts (&policy, password));
    }
}

/* NO_SPACE is what the API's PasswordType pattern refuses, no more and no
 * less: the two must agree, or a form would let through a password the
 * client then refuses to send (or the reverse). */
static void
test_no_space (void)
{
  static const struct { const char *input; gboolean no_space; } cases[] = {
    { "Abcdef1!", TRUE },
    { "Abc def1!", FALSE },
    { " Abcdef1!", FALSE },
    { "Abcdef1! ", FALSE },
    { "Abc\tdef1!", FALSE },
    { "Abc\ndef1!", FALSE },
    { "Abc\rdef1!", FALSE },
    { "Abc\vdef1!", FALSE },
    { "Abc\fdef1!", FALSE },
    { "        ", FALSE },
    /* Java's \s is ASCII only: Unicode spaces pass the wire pattern. */
    { "Abc\u00a0def1!", TRUE },
    { "Abc\u2003def1!", TRUE },
    { "Abc\u3000def1!", TRUE },
    { "Abc\u2028def1!", TRUE },
    { "Abc\xc2\x85" "def1!", TRUE },   /* U+0085, next line */
    { "Abc\x1c" "def1!", TRUE },
    { "Abc\x1f" "def1!", TRUE },
    { "Abc\x7f" "def1!", TRUE },
    { "😀😀😀😀😀😀😀😀", TRUE },
    { "Abc\xff" "def1!", FALSE },   /* invalid UTF-8 meets nothing */
  };
  g_autoptr(KwPasswordPolicy) policy = kw_password_policy_new_default ();
  const KwShape *shape = kw_cognito_shape_lookup ("PasswordType");

  g_assert_nonnull (shape);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KwPasswordRules met = kw_password_policy_check (policy, cases[i].input);
      gboolean wire = kw_cognito_validate_string (shape, "Password", cases[i].input, NULL);

      g_test_message ("case %u", i);
      g_assert_cmpint (!!(met & KW_PASSWORD_RULE_NO_SPACE), ==, cases[i].no_space);
      /* Every input here is 1 to 256 characters, so only white space and
       * encoding decide what the wire says. */
      g_assert_cmpint (wire, ==, cases[i].no_space);
      if (!cases[i].no_space)
        g_assert_false (kw_password_policy_accepts (policy, cases[i].input));
    }
}

static void
test_invalid_utf8 (void)
{
  static const char * const inputs[] = {
    "Abcdef1!\xff",
    "\xc3",
    "Abcdef1!\xc3",
    "Abcdef1!\xe2\x82",
    "Abcdef1!\xc0\xaf",       /* overlong "/" */
    "Abcdef1!\xed\xa0\x80",   /* a surrogate */
    "\200Abcdef1!",          /* a lone continuation byte first */
  };
  g_autoptr(KwPasswordPolicy) policy = kw_password_policy_new_default ();
  KwPasswordPolicy lenient = policy_of (6, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_test_message ("case %u", i);
      g_assert_cmphex (kw_password_policy_check (policy, inputs[i]), ==, KW_PASSWORD_RULE_NONE);
      g_assert_false (kw_password_policy_accepts (policy, inputs[i]));
      g_assert_false (kw_password_policy_accepts (&lenient, inputs[i]));
    }
}

static void
test_custom (void)
{
  KwPasswordPolicy lenient = policy_of (6, FALSE);
  KwPasswordPolicy zero = policy_of (0, FALSE);
  KwPasswordPolicy mixed = { 10, FALSE, TRUE, TRUE, FALSE };

  g_assert_cmphex (kw_password_policy_get_rules (&lenient), ==,
                   KW_PASSWORD_RULE_LENGTH | KW_PASSWORD_RULE_NO_SPACE);
  g_assert_true (kw_password_policy_accepts (&lenient, "abcdef"));
  g_assert_true (kw_password_policy_accepts (&lenient, "éééééé"));
  g_assert_true (kw_password_policy_accepts (&lenient, "!!!!!!"));
  g_assert_false (kw_password_policy_accepts (&lenient, "abcde"));
  g_assert_false (kw_password_policy_accepts (&lenient, "abc def"));
  /* check() still reports every rule met, applying or not. */
  g_assert_cmphex (kw_password_policy_check (&lenient, "Ab1!xx"), ==, ALL_RULES);

  /* The API never takes an empty password, whatever the pool says. */
  g_assert_false (kw_password_policy_accepts (&zero, ""));
  g_assert_true (kw_password_policy_accepts (&zero, "a"));

  g_assert_cmphex (kw_password_policy_get_rules (&mixed), ==,
                   KW_PASSWORD_RULE_LENGTH | KW_PASSWORD_RULE_NO_SPACE |
                   KW_PASSWORD_RULE_LOWERCASE | KW_PASSWORD_RULE_NUMBER);
  g_assert_true (kw_password_policy_accepts (&mixed, "abcdefghi1"));
  g_assert_false (kw_password_policy_accepts (&mixed, "ABCDEFGHI1"));
  g_assert_false (kw_password_policy_accepts (&mixed, "abcdefghij"));
  g_assert_false (kw_password_policy_accepts (&mixed, "abcdefgh1"));
}

static void
test_describe (void)
{
  g_autoptr(KwPasswordPolicy) policy = kw_password_policy_new_default ();
  KwPasswordPolicy longest = policy_of (99, TRUE);
  KwPasswordPolicy lenient = policy_of (6, FALSE);
  KwPasswordPolicy one = policy_of (1, FALSE);
  const struct { KwPasswordRules rule; const KwPasswordPolicy *policy; const char *text; }
  texts[] = {
    { KW_PASSWORD_RULE_LENGTH, policy, "At least 8 characters" },
    { KW_PASSWORD_RULE_LENGTH, NULL, "At least 8 characters" },
    { KW_PASSWORD_RULE_LENGTH, &longest, "At least 99 characters" },
    { KW_PASSWORD_RULE_LENGTH, &lenient, "At least 6 characters" },
    { KW_PASSWORD_RULE_LENGTH, &one, "At least 1 character" },
    { KW_PASSWORD_RULE_UPPERCASE, policy, "An uppercase letter (A–Z)" },
    { KW_PASSWORD_RULE_LOWERCASE, policy, "A lowercase letter (a–z)" },
    { KW_PASSWORD_RULE_NUMBER, policy, "A number (0–9)" },
    { KW_PASSWORD_RULE_SYMBOL, policy, "A symbol such as ! ? # or %" },
    { KW_PASSWORD_RULE_NO_SPACE, NULL, "No spaces" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *text = kw_password_rule_describe (texts[i].rule, texts[i].policy);

      g_assert_cmpstr (text, ==, texts[i].text);
    }

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
  g_assert_null (kw_password_rule_describe (KW_PASSWORD_RULE_UPPERCASE |
                                            KW_PASSWORD_RULE_LOWERCASE, policy));
  g_test_assert_expected_messages ();
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
  g_assert_null (kw_password_rule_describe (KW_PASSWORD_RULE_NONE, policy));
  g_test_assert_expected_messages ();
}

static void
test_generate (void)
{
  const KwPasswordPolicy policies[] = {
    policy_of (8, TRUE),
    policy_of (6, FALSE),
    policy_of (16, TRUE),
    policy_of (17, TRUE),
    policy_of (99, TRUE),
    policy_of (99, FALSE),
    { 12, FALSE, FALSE, FALSE, TRUE },
    { 0, TRUE, FALSE, TRUE, FALSE },
  };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                      (GDestroyNotify) wipe_free, NULL);
  const KwShape *shape = kw_cognito_shape_lookup ("PasswordType");
  guint n_runs = g_test_slow () ? 20000 : 2000;

  for (guint p = 0; p < G_N_ELEMENTS (policies); p++)
    {
      const KwPasswordPolicy *policy = &policies[p];
      guint expected_length = MAX (16, policy->minimum_length);

      g_test_message ("policy %u", p);

      for (guint run = 0; run < n_runs; run++)
        {
          char *password = kw_password_policy_generate (policy);

          g_assert_nonnull (password);
          g_assert_true (kw_password_policy_accepts (policy, password));
          g_assert_cmpuint (strlen (password), ==, expected_length);
          g_assert_cmpuint (g_utf8_strlen (password, -1), ==, expected_length);
          /* Every class, whatever the policy requires, and nothing else. */
          g_assert_cmphex (kw_password_policy_check (policy, password) & CLASS_RULES, ==,
                           CLASS_RULES);
          for (const char *c = password; *c != '\0'; c++)
            g_assert_true (g_ascii_isalnum (*c) || kw_password_is_symbol ((guchar) *c));
          g_assert_true (kw_cognito_validate_string (shape, "Password", password, NULL));

          /* Not once the same password twice. */
          g_assert_false (g_hash_table_contains (seen, password));
          g_hash_table_add (seen, password);
        }
    }

  g_assert_cmpuint (g_hash_table_size (seen), ==, n_runs * G_N_ELEMENTS (policies));
}

/* An off-by-one in the draws would leave the last character of an alphabet
 * out; a modulo bias would not show in so few runs, but a missing
 * character does. */
static void
test_generate_alphabet (void)
{
  static const char left_out[] = "`\\\"'$!";
  g_autoptr(KwPasswordPolicy) policy = kw_password_policy_new_default ();
  guint counts[128] = { 0, };
  KwPasswordRules at_start[4] = { 0, };
  guint n_symbols = 0;

  for (guint run = 0; run < 3000; run++)
    {
      char *password = kw_password_policy_generate (policy);

      for (const char *c = password; *c != '\0'; c++)
        {
          g_assert_cmpint (*c, >, 0x20);
          g_assert_cmpint (*c, <, 0x7f);
          counts[(guchar) *c]++;
        }
      /* The character forced in for each class lands anywhere, so the
       * start of the password does not give away which class is where. */
      for (guint i = 0; i < G_N_ELEMENTS (at_start); i++)
        {
          char one[2] = { password[i], '\0' };

          at_start[i] |= kw_password_policy_check (policy, one) & CLASS_RULES;
        }
      wipe_free (password);
    }

  for (guint i = 0; i < G_N_ELEMENTS (at_start); i++)
    g_assert_cmphex (at_start[i], ==, CLASS_RULES);

  for (guint c = 0x21; c < 0x7f; c++)
    {
      g_test_message ("character %c", c);
      if (strchr (left_out, (char) c) != NULL)
        g_assert_cmpuint (counts[c], ==, 0);
      else
        g_assert_cmpuint (counts[c], >, 0);
      if (counts[c] > 0 && kw_password_is_symbol (c))
        n_symbols++;
    }

  g_assert_cmpuint (n_symbols, ==, 26);
}

static void
test_generate_too_long (void)
{
  KwPasswordPolicy longest = policy_of (KW_PASSWORD_MAX_LENGTH, TRUE);
  KwPasswordPolicy impossible = policy_of (KW_PASSWORD_MAX_LENGTH + 1, TRUE);
  char *password;

  password = kw_password_policy_generate (&longest);
  g_assert_cmpuint (strlen (password), ==, KW_PASSWORD_MAX_LENGTH);
  g_assert_true (kw_password_policy_accepts (&longest, password));
  wipe_free (password);

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*minimum_length*");
  g_assert_null (kw_password_policy_generate (&impossible));
  g_test_assert_expected_messages ();
}

/* Counts notifies by property name. */
static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  GHashTable *counts = user_data;
  const char *name = g_param_spec_get_name (pspec);
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, name));

  g_hash_table_insert (counts, (gpointer) name, GUINT_TO_POINTER (count + 1));
}

static GHashTable *
watch_notifies (KwPasswordCheck *check)
{
  GHashTable *counts = g_hash_table_new (g_str_hash, g_str_equal);

  g_signal_connect (check, "notify", G_CALLBACK (count_notify_cb), counts);

  return counts;
}

/* Asserts exactly which properties were notified since the last call, each
 * once; @expected is a space-separated list of names, "" for none. */
static void
assert_notified (GHashTable *counts,
                 const char *expected)
{
  g_auto(GStrv) names = g_strsplit (expected, " ", -1);
  GHashTableIter iter;
  gpointer value;
  guint n_expected = 0;
  guint total = 0;

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (*names[i] == '\0')
        continue;
      g_test_message ("expecting one notify::%s", names[i]);
      g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, names[i])), ==, 1);
      n_expected++;
    }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    total += GPOINTER_TO_UINT (value);
  g_assert_cmpuint (total, ==, n_expected);

  g_hash_table_remove_all (counts);
}

static void
test_check_initial (void)
{
  KwPasswordPolicy custom = { 12, FALSE, TRUE, FALSE, TRUE };
  g_autoptr(KwPasswordCheck) check = kw_password_check_new (NULL);
  g_autoptr(KwPasswordCheck) other = kw_password_check_new (&custom);
  g_autoptr(KwPasswordPolicy) policy = NULL;
  g_autoptr(KwPasswordPolicy) default_policy = kw_password_policy_new_default ();
  KwPasswordRules satisfied, unsatisfied;
  gboolean matches, acceptable;
  g_autofree char *reason = NULL;

  g_assert_true (kw_password_policy_equal (kw_password_check_get_policy (check), default_policy));
  g_assert_cmphex (kw_password_check_get_satisfied (check), ==, KW_PASSWORD_RULE_NO_SPACE);
  g_assert_cmphex (kw_password_check_get_unsatisfied (check), ==,
                   ALL_RULES & ~KW_PASSWORD_RULE_NO_SPACE);
  g_assert_false (kw_password_check_get_matches (check));
  g_assert_false (kw_password_check_get_acceptable (check));
  g_assert_null (kw_password_check_get_server_reason (check));

  g_object_get (check,
                "policy", &policy,
                "satisfied", &satisfied,
                "unsatisfied", &unsatisfied,
                "matches", &matches,
                "acceptable", &acceptable,
                "server-reason", &reason,
                NULL);
  g_assert_true (kw_password_policy_equal (policy, default_policy));
  g_assert_cmphex (satisfied, ==, KW_PASSWORD_RULE_NO_SPACE);
  g_assert_cmphex (unsatisfied, ==, ALL_RULES & ~KW_PASSWORD_RULE_NO_SPACE);
  g_assert_false (matches);
  g_assert_false (acceptable);
  g_assert_null (reason);

  /* The check keeps its own copy of the policy. */
  custom.minimum_length = 6;
  g_assert_cmpuint (kw_password_check_get_policy (other)->minimum_length, ==, 12);
  g_assert_cmphex (kw_password_check_get_unsatisfied (other), ==,
                   KW_PASSWORD_RULE_LENGTH | KW_PASSWORD_RULE_LOWERCASE |
                   KW_PASSWORD_RULE_SYMBOL);
}

/* Typing a password one character at a time, as an entry reports it. */
static void
test_check_typing (void)
{
  static const struct { const char *password; const char *confirmation; const char *notified; }
  steps[] = {
    { "A", NULL, "satisfied unsatisfied" },
    { "Ab", NULL, "satisfied unsatisfied" },
    { "Abc", NULL, "" },
    { "Abcdefg", NULL, "" },
    /* Two rules at once, still one notify each. */
    { "Abcdefg1", NULL, "satisfied unsatisfied" },
    { "Abcdefg1!", NULL, "satisfied unsatisfied" },
    { "Abcdefg1!", NULL, "" },
    { NULL, "A", "" },
    { NULL, "Abcdefg1", "" },
    { NULL, "Abcdefg1!", "matches acceptable" },
    { NULL, "Abcdefg1!", "" },
    { NULL, "Abcdefg1!x", "matches acceptable" },
    { "Abcdefg1!x", NULL, "matches acceptable" },
    { "Abcdefg1!x ", NULL, "satisfied unsatisfied matches acceptable" },
    { "Abcdefg1!x", NULL, "satisfied unsatisfied matches acceptable" },
    { "Abcdefg1!", NULL, "matches acceptable" },
    { "", NULL, "satisfied unsatisfied" },
  };
  g_autoptr(KwPasswordCheck) check = kw_password_check_new (NULL);
  g_autoptr(GHashTable) notifies = NULL;

  notifies = watch_notifies (check);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_test_message ("step %u", i);
      if (steps[i].password != NULL)
        kw_password_check_set_password (check, steps[i].password);
      if (steps[i].confirmation != NULL)
        kw_password_check_set_confirmation (check, steps[i].confirmation);
      assert_notified (notifies, steps[i].notified);
    }

  g_assert_cmphex (kw_password_check_get_satisfied (check), ==, KW_PASSWORD_RULE_NO_SPACE);
  g_assert_false (kw_password_check_get_acceptable (check));
}

static void
test_check_batch (void)
{
  g_autoptr(KwPasswordCheck) check = kw_password_check_new (NULL);
  g_autoptr(GHashTable) notifies = NULL;

  notifies = watch_notifies (check);

  /* Both entries at once: each property at most once. */
  g_object_set (check, "password", "Abcdef1!", "confirmation", "Abcdef1!", NULL);
  assert_notified (notifies, "satisfied unsatisfied matches acceptable");
  g_assert_true (kw_password_check_get_acceptable (check));

  /* Three edits inside one frozen batch, as a paste into a bound entry
   * may make: every property that changed notifies once, not three times. */
  g_object_freeze_notify (G_OBJECT (check));
  kw_password_check_set_password (check, "x");
  kw_password_check_set_password (check, "y z");
  kw_password_check_set_password (check, "Abcdef1!");
  g_object_thaw_notify (G_OBJECT (check));
  assert_notified (notifies, "satisfied unsatisfied matches acceptable");
  g_assert_true (kw_password_check_get_acceptable (check));

  /* Setting what is already there is not an edit. */
  g_object_set (check, "password", "Abcdef1!", "confirmation", "Abcdef1!", NULL);
  assert_notified (notifies, "");
}

typedef struct
{
  KwPasswordRules satisfied;
  gboolean        matches;
  gboolean        acceptable;
  gboolean        has_reason;
} Snapshot;

static Snapshot
snapshot_of (KwPasswordCheck *check)
{
  Snapshot snapshot = {
    kw_password_check_get_satisfied (check),
    kw_password_check_get_matches (check),
    kw_password_check_get_acceptable (check),
    kw_password_check_get_server_reason (check) != NULL,
  };

  return snapshot;
}

static void
snapshot_notify_cb (GObject    *object,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  GArray *snapshots = user_data;
  Snapshot snapshot = snapshot_of (KW_PASSWORD_CHECK (object));

  g_array_append_val (snapshots, snapshot);
}

/* A page that updates its checklist from one notify and its button from
 * another must never see the two disagree. */
static void
test_check_consistent (void)
{
  g_autoptr(KwPasswordCheck) check = kw_password_check_new (NULL);
  g_autoptr(GArray) snapshots = g_array_new (FALSE, FALSE, sizeof (Snapshot));
  Snapshot final;

  kw_password_check_set_password (check, "Abcdef1!");
  kw_password_check_set_confirmation (check, "Abcdef1!");
  kw_password_check_set_server_reason (check, "Password does not conform to policy");
  g_signal_connect (check, "notify", G_CALLBACK (snapshot_notify_cb), snapshots);

  kw_password_check_set_password (check, "Abcdef1");
  final = snapshot_of (check);
  g_assert_false (final.acceptable);
  g_assert_false (final.has_reason);

  /* server-reason, satisfied, unsatisfied, matches and acceptable */
  g_assert_cmpuint (snapshots->len, ==, 5);
  for (guint i = 0; i < snapshots->len; i++)
    {
      const Snapshot *seen = &g_array_index (snapshots, Snapshot, i);

      g_test_message ("notify %u", i);
      g_assert_cmphex (seen->satisfied, ==, final.satisfied);
      g_assert_cmpint (seen->matches, ==, final.matches);
      g_assert_cmpint (seen->acceptable, ==, final.acceptable);
      g_assert_cmpint (seen->has_reason, ==, final.has_reason);
    }
}

static void
test_check_matches (void)
{
  static const struct { const char *password; const char *confirmation; gboolean matches; }
  cases[] = {
    { "", "", FALSE },
    { "Abcdef1!", "", FALSE },
    { "", "Abcdef1!", FALSE },
    { NULL, NULL, FALSE },
    { "Abcdef1!", NULL, FALSE },
    { "Abcdef1!", "Abcdef1!", TRUE },
    { "Abcdef1!", "abcdef1!", FALSE },
    { "Abcdef1!", "Abcdef1! ", FALSE },
    { "Abcdef1", "Abcdef1!", FALSE },
    /* A rule not met does not stop the two from matching. */
    { "short", "short", TRUE },
    { "é", "é", TRUE },
    { "é", "e\u0301", FALSE },   /* what was typed, not what it looks like */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KwPasswordCheck) check = kw_password_check_new (NULL);
      gboolean matches;

      g_test_message ("case %u", i);
      kw_password_check_set_password (check, "something else");
      kw_password_check_set_password (check, cases[i].password);
      kw_password_check_set_confirmation (check, cases[i].confirmation);
      g_object_get (check, "matches", &matches, NULL);
      g_assert_cmpint (matches, ==, cases[i].matches);
      g_assert_cmpint (kw_password_check_get_matches (check), ==, cases[i].matches);
    }
}

static void
test_check_acceptable (void)
{
  KwPasswordPolicy lenient = policy_of (6, FALSE);
  static const struct { gboolean lenient; const char *password; const char *confirmation;
                        gboolean acceptable; } cases[] = {
    { FALSE, "Abcdef1!", "Abcdef1!", TRUE },
    { FALSE, "Abcdef1!", "Abcdef1?", FALSE },   /* every rule, no match */
    { FALSE, "Abcdefg1", "Abcdefg1", FALSE },   /* a match, no symbol */
    { FALSE, "Abc1!", "Abc1!", FALSE },         /* too short */
    { FALSE, "Abc def1!", "Abc def1!", FALSE }, /* a space */
    { TRUE, "abcdef", "abcdef", TRUE },
    { TRUE, "abcde", "abcde", FALSE },
    { TRUE, "abc\tdef", "abc\tdef", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KwPasswordCheck) check =
        kw_password_check_new (cases[i].lenient ? &lenient : NULL);
      gboolean acceptable;

      g_test_message ("case %u", i);
      kw_password_check_set_password (check, cases[i].password);
      kw_password_check_set_confirmation (check, cases[i].confirmation);
      g_object_get (check, "acceptable", &acceptable, NULL);
      g_assert_cmpint (acceptable, ==, cases[i].acceptable);
      g_assert_cmpint (kw_password_check_get_acceptable (check), ==, cases[i].acceptable);
      if (acceptable)
        g_assert_cmphex (kw_password_check_get_unsatisfied (check), ==, KW_PASSWORD_RULE_NONE);
    }
}

/* satisfied and unsatisfied are about the rules the pool applies: meeting
 * a rule it does not apply changes neither. */
static void
test_check_applying (void)
{
  KwPasswordPolicy lenient = policy_of (6, FALSE);
  g_autoptr(KwPasswordCheck) check = kw_password_check_new (&lenient);
  g_autoptr(GHashTable) notifies = NULL;

  notifies = watch_notifies (check);

  kw_password_check_set_password (check, "abc");
  assert_notified (notifies, "");
  g_assert_cmphex (kw_password_check_get_satisfied (check), ==, KW_PASSWORD_RULE_NO_SPACE);
  g_assert_cmphex (kw_password_check_get_unsatisfied (check), ==, KW_PASSWORD_RULE_LENGTH);

  kw_password_check_set_password (check, "abcA1!");
  assert_notified (notifies, "satisfied unsatisfied");
  g_assert_cmphex (kw_password_check_get_satisfied (check), ==,
                   KW_PASSWORD_RULE_LENGTH | KW_PASSWORD_RULE_NO_SPACE);
  g_assert_cmphex (kw_password_check_get_unsatisfied (check), ==, KW_PASSWORD_RULE_NONE);
}

static void
test_check_server_reason (void)
{
  g_autoptr(KwPasswordCheck) check = kw_password_check_new (NULL);
  g_autoptr(GHashTable) notifies = NULL;
  g_autofree char *reason = NULL;

  kw_password_check_set_password (check, "Abcdef1!");
  kw_password_check_set_confirmation (check, "Abcdef1!");
  notifies = watch_notifies (check);

  kw_password_check_set_server_reason (check, "Password has previously been used");
  assert_notified (notifies, "server-reason");
  g_assert_cmpstr (kw_password_check_get_server_reason (check), ==,
                   "Password has previously been used");
  g_object_get (check, "server-reason", &reason, NULL);
  g_assert_cmpstr (reason, ==, "Password has previously been used");
  /* The server's verdict does not override the rules Keyway knows. */
  g_assert_true (kw_password_check_get_acceptable (check));

  kw_password_check_set_server_reason (check, "Password has previously been used");
  assert_notified (notifies, "");

  /* Not an edit. */
  kw_password_check_set_password (check, "Abcdef1!");
  assert_notified (notifies, "");
  g_assert_nonnull (kw_password_check_get_server_reason (check));

  /* An edit of the password clears it, even one that changes no rule. */
  kw_password_check_set_password (check, "Abcdef1!x");
  assert_notified (notifies, "server-reason matches acceptable");
  g_assert_null (kw_password_check_get_server_reason (check));

  /* And so does an edit of the confirmation. */
  g_object_set (check, "server-reason", "Password does not conform to policy", NULL);
  assert_notified (notifies, "server-reason");
  kw_password_check_set_confirmation (check, "Abcdef1!x");
  assert_notified (notifies, "server-reason matches acceptable");
  g_assert_null (kw_password_check_get_server_reason (check));

  /* An empty reason is no reason. */
  kw_password_check_set_server_reason (check, "");
  assert_notified (notifies, "");
  g_assert_null (kw_password_check_get_server_reason (check));
}

#define SECRET "Correct-Horse-9-Battery"

/* Nothing readable on the object gives the password or the confirmation
 * back. */
static void
test_check_write_only (void)
{
  g_autoptr(KwPasswordCheck) check = kw_password_check_new (NULL);
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  kw_password_check_set_password (check, SECRET);
  kw_password_check_set_confirmation (check, SECRET);

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (check), &n_pspecs);
  g_assert_cmpuint (n_pspecs, ==, 8);

  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *contents = NULL;
      const char *name = g_param_spec_get_name (pspecs[i]);

      if (g_str_equal (name, "password") || g_str_equal (name, "confirmation"))
        {
          g_assert_false (pspecs[i]->flags & G_PARAM_READABLE);
          g_assert_true (pspecs[i]->flags & G_PARAM_WRITABLE);
          continue;
        }

      g_assert_true (pspecs[i]->flags & G_PARAM_READABLE);
      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (check), name, &value);
      contents = g_strdup_value_contents (&value);
      g_test_message ("%s = %s", name, contents);
      g_assert_null (strstr (contents, "Horse"));
    }
}

static void
test_check_get_password_refused (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(KwPasswordCheck) check = kw_password_check_new (NULL);
      char *value = NULL;

      kw_password_check_set_password (check, SECRET);
      g_object_get (check, "password", &value, NULL);
      /* Reached only if the property could be read. */
      g_print ("read: %s\n", value != NULL ? value : "(null)");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*password*not readable*");
  g_test_trap_assert_stdout_unmatched ("*Horse*");
  g_test_trap_assert_stderr_unmatched ("*Horse*");
}

int
main (int    argc,
      char **argv)
{
  kw_test_init (&argc, &argv);

  g_test_add_func ("/keyway/password-policy/defaults", test_defaults);
  g_test_add_func ("/keyway/password-policy/length", test_length);
  g_test_add_func ("/keyway/password-policy/uppercase", test_uppercase);
  g_test_add_func ("/keyway/password-policy/lowercase", test_lowercase);
  g_test_add_func ("/keyway/password-policy/number", test_number);
  g_test_add_func ("/keyway/password-policy/symbol", test_symbol);
  g_test_add_func ("/keyway/password-policy/no-space", test_no_space);
  g_test_add_func ("/keyway/password-policy/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/keyway/password-policy/custom", test_custom);
  g_test_add_func ("/keyway/password-policy/describe", test_describe);
  g_test_add_func ("/keyway/password-policy/generate", test_generate);
  g_test_add_func ("/keyway/password-policy/generate-alphabet", test_generate_alphabet);
  g_test_add_func ("/keyway/password-policy/generate-too-long", test_generate_too_long);
  g_test_add_func ("/keyway/password-policy/check-initial", test_check_initial);
  g_test_add_func ("/keyway/password-policy/check-typing", test_check_typing);
  g_test_add_func ("/keyway/password-policy/check-batch", test_check_batch);
  g_test_add_func ("/keyway/password-policy/check-consistent", test_check_consistent);
  g_test_add_func ("/keyway/password-policy/check-matches", test_check_matches);
  g_test_add_func ("/keyway/password-policy/check-acceptable", test_check_acceptable);
  g_test_add_func ("/keyway/password-policy/check-applying", test_check_applying);
  g_test_add_func ("/keyway/password-policy/check-server-reason", test_check_server_reason);
  g_test_add_func ("/keyway/password-policy/check-write-only", test_check_write_only);
  g_test_add_func ("/keyway/password-policy/check-get-password-refused",
                   test_check_get_password_refused);

  return g_test_run ();
}
