// A Live Push body shaped like the document's sample, quirks included: snake_case `timeframe_score`,
// lower-case `assignedByEvent`, nulls where the table promises values, numbers sent as strings, an id
// as a number — and the fields the portal must never keep (password, salt, hashAlgorithmId, ipAddress).

export interface FixtureOptions {
  dateLastUpdated?: number;
  tier?: string;
  event?: string;
  dateAssigned?: string;
  totalPoints?: number | string;
}

export function livePushBody(userName: string, options: FixtureOptions = {}) {
  return {
    country: "US",
    receiveSmsMessages: 0,
    facebookUserId: null,
    redeemablePoints: "5200",
    postalCode: 10001,
    tierInfo: {
      resetDate: "2017-03-23T20:00:00Z",
      dateReached: "2017-03-23T19:00:00Z",
      scoreNeededToReach: 1000,
      nextLevel: { minValue: 1000, maxValue: 2499, title: "Tier 2" },
      tierScore: 0,
      timeframe_score: "1200",
      assignedByEvent: options.event ?? "drop",
      currentLevel: { minValue: null, maxValue: 999, title: options.tier ?? "Tier 1" },
      score: 0,
      daysUntilResetDate: 0,
      daysUntilExpirationDate: 0,
      dateAssigned: options.dateAssigned ?? "2017-03-23T19:00:00Z",
      expirationDate: "2017-03-23T20:00:00Z",
      scoreNeededToMaintain: null,
    },
    customData: null,
    signUpTypeId: 3,
    isActive: 1,
    emailAddress: `${userName}@example.com`,
    password: "hunter2-hash",
    dateMobileVerified: null,
    dateLastLogin: 1490290125,
    yahooUserId: null,
    state: "NY",
    id: 6566,
    monthlyPoints: 0,
    signUpCampaign: null,
    signUpChannelId: null,
    ipAddress: "203.0.113.24",
    fanRank: 0,
    firstName: "George",
    fsqUserId: null,
    activityStreamOptIn: "1",
    googleUserId: null,
    region: "Northeast",
    instUserId: null,
    weeklyPoints: 0,
    lastName: "Twist",
    clientBrandingId: "0",
    gender: "Male",
    city: "New York City",
    dateLastUpdated: options.dateLastUpdated ?? 1490302144,
    hashAlgorithmId: "sha512",
    numFacebookFriends: 0,
    thirdPartyId: userName,
    dateCreated: "1490293725",
    mobilePhoneNumber: "12312312321",
    salt: "pepper-salt",
    numTwitterFollowers: 0,
    streetAddress1: null,
    streetAddress2: null,
    emailIsVerified: 1,
    fanLevelName: options.tier ?? "Tier 1",
    dateOfBirth: 142372800,
    receiveEmailUpdates: 1,
    userName,
    twitterUserId: null,
    langPref: null,
    totalPoints: options.totalPoints ?? 5200,
    numPointsPurchased: 0,
    middleName: "",
    passwordGenerated: 0,
  };
}
