/* kw-test-fake.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kw-cognito-client.h"
#include "kw-fake-cognito.h"

G_BEGIN_DECLS

#define TEST_POOL "us-east-1_TestPool1"
#define TEST_CLIENT "testclient"
#define TEST_SECRET_CLIENT "secretclient"
#define TEST_HIDDEN_CLIENT "hiddenclient"
#define TEST_CLIENT_SECRET "k3ywaySecretForTests0123456789abcdef"
#define TEST_ACCESS_KEY "AKIDEXAMPLE"
#define TEST_SECRET_KEY "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
#define TEST_PASSWORD "Correct-Horse-7"

KwFakeCognito         *kw_test_fake_new        (void);
KwCodeDeliveryDetails *kw_test_forgot_password (KwCognitoClient  *client,
                                                const char       *username,
                                                GError          **error);

G_END_DECLS
