/**
 * The examples of the AWS EventBridge User Guide, turned into tests. Section names are cited so
 * a reader can check each against the page: "Content filtering in Amazon EventBridge event
 * patterns" (content-filtering), "Comparison operators for use in event patterns in Amazon
 * EventBridge" (operators), "Event pattern syntax", "Arrays in Amazon EventBridge event
 * patterns" and "Matching null values and empty strings".
 */
import { describe, expect, it } from 'vitest';
import { matches } from '../../../functions/core/event-pattern/index.js';

// The EC2 state-change event the content-filtering page (and event-ruler's README) match against.
const ec2Event = {
  version: '0',
  id: 'ddddd4-aaaa-7777-4444-345dd43cc333',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '012345679012',
  time: '2017-10-02T16:24:49Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000'],
  detail: {
    'c-count': 5,
    'd-count': 3,
    'x-limit': 301.8,
    'source-ip': '10.0.0.33',
    'instance-id': 'i-000000aaaaaa00000',
    state: 'running',
  },
};

function withDetail(detail: Record<string, unknown>): Record<string, unknown> {
  return { ...ec2Event, detail: { ...ec2Event.detail, ...detail } };
}

describe('Event pattern syntax', () => {
  const pattern = { source: ['aws.ec2'], 'detail-type': ['EC2 Instance State-change Notification'], detail: { state: ['terminated'] } };

  it('matches only when every listed field matches, ignoring fields the pattern does not name', () => {
    expect(matches(pattern, withDetail({ state: 'terminated' }))).toBe(true);
    expect(matches(pattern, ec2Event)).toBe(false);
  });

  it('requires the listed fields to exist with the same nesting', () => {
    expect(matches(pattern, { source: 'aws.ec2', 'detail-type': 'EC2 Instance State-change Notification', state: 'terminated' })).toBe(false);
  });

  it('treats the values in a field array as alternatives ("aws.ec2" or "aws.fargate")', () => {
    const either = { source: ['aws.ec2', 'aws.fargate'] };
    expect(matches(either, { source: 'aws.fargate' })).toBe(true);
    expect(matches(either, { source: 'aws.ec2' })).toBe(true);
    expect(matches(either, { source: 'aws.s3' })).toBe(false);
  });

  it('matches strings case-sensitively and character for character', () => {
    expect(matches({ source: ['aws.ec2'] }, { source: 'AWS.EC2' })).toBe(false);
    expect(matches({ source: ['aws.ec2'] }, { source: 'aws.ec2 ' })).toBe(false);
  });
});

describe('Arrays in Amazon EventBridge event patterns', () => {
  it('matches when the pattern array and the event array intersect', () => {
    const pattern = {
      resources: [
        'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
        'arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f',
        'arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f',
      ],
    };
    const event = {
      resources: [
        'arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:eb56d16b-bbf0-401d-b893-d5978ed4a025:autoScalingGroupName/ASGTerminate',
        'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
      ],
    };
    expect(matches(pattern, event)).toBe(true);
    expect(matches(pattern, { resources: [event.resources[0]] })).toBe(false);
  });
});

describe('content-filtering: prefix matching', () => {
  it('matches "time" starting with "2017-10-02"', () => {
    const pattern = { time: [{ prefix: '2017-10-02' }] };
    expect(matches(pattern, { time: '2017-10-02T18:43:48Z' })).toBe(true);
    expect(matches(pattern, { time: '2017-10-03T18:43:48Z' })).toBe(false);
  });

  it('with equals-ignore-case matches "EventB", "EVENTB", "eventb" prefixes', () => {
    const pattern = { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } };
    for (const service of ['EventBridge', 'EVENTBRIDGE', 'eventbus', 'eVeNtB']) {
      expect(matches(pattern, { detail: { service } }), service).toBe(true);
    }
    expect(matches(pattern, { detail: { service: 'Event' } })).toBe(false);
    expect(matches(pattern, { detail: { service: 'SQS' } })).toBe(false);
  });
});

describe('content-filtering: suffix matching', () => {
  it('matches "FileName" ending with ".png"', () => {
    const pattern = { FileName: [{ suffix: '.png' }] };
    expect(matches(pattern, { FileName: 'image.png' })).toBe(true);
    expect(matches(pattern, { FileName: 'image.PNG' })).toBe(false);
    expect(matches(pattern, { FileName: 'image.png.txt' })).toBe(false);
  });

  it('with equals-ignore-case also matches ".PNG"', () => {
    const pattern = { detail: { FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] } };
    expect(matches(pattern, { detail: { FileName: 'image.PNG' } })).toBe(true);
    expect(matches(pattern, { detail: { FileName: 'image.pNg' } })).toBe(true);
    expect(matches(pattern, { detail: { FileName: 'image.jpg' } })).toBe(false);
  });
});

describe('content-filtering: anything-but matching', () => {
  it('excludes a single string ("initializing")', () => {
    const pattern = { detail: { state: [{ 'anything-but': 'initializing' }] } };
    expect(matches(pattern, ec2Event)).toBe(true);
    expect(matches(pattern, withDetail({ state: 'initializing' }))).toBe(false);
  });

  it('excludes a single number (123)', () => {
    const pattern = { detail: { 'x-limit': [{ 'anything-but': 123 }] } };
    expect(matches(pattern, ec2Event)).toBe(true);
    expect(matches(pattern, withDetail({ 'x-limit': 123 }))).toBe(false);
  });

  it('excludes a list of strings ("stopped", "overloaded")', () => {
    const pattern = { detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } };
    expect(matches(pattern, ec2Event)).toBe(true);
    expect(matches(pattern, withDetail({ state: 'stopped' }))).toBe(false);
    expect(matches(pattern, withDetail({ state: 'overloaded' }))).toBe(false);
  });

  it('excludes a list of numbers (100, 200, 300), compared numerically', () => {
    const pattern = { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } };
    expect(matches(pattern, ec2Event)).toBe(true);
    expect(matches(pattern, withDetail({ 'x-limit': 200 }))).toBe(false);
    expect(matches(pattern, withDetail({ 'x-limit': 3e2 }))).toBe(false);
  });

  it('excludes a prefix ("init")', () => {
    const pattern = { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } };
    expect(matches(pattern, ec2Event)).toBe(true);
    expect(matches(pattern, withDetail({ state: 'initializing' }))).toBe(false);
  });

  it('excludes a suffix (".txt")', () => {
    const pattern = { detail: { FileName: [{ 'anything-but': { suffix: '.txt' } }] } };
    expect(matches(pattern, { detail: { FileName: 'notes.md' } })).toBe(true);
    expect(matches(pattern, { detail: { FileName: 'notes.txt' } })).toBe(false);
  });

  it('excludes values regardless of case ("Stopped", "OverLoaded")', () => {
    const pattern = { detail: { state: [{ 'anything-but': { 'equals-ignore-case': ['Stopped', 'OverLoaded'] } }] } };
    expect(matches(pattern, ec2Event)).toBe(true);
    expect(matches(pattern, withDetail({ state: 'STOPPED' }))).toBe(false);
    expect(matches(pattern, withDetail({ state: 'overloaded' }))).toBe(false);
  });

  it('excludes a wildcard ("*/lib/*") and a list of wildcards', () => {
    const single = { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] };
    expect(matches(single, { FilePath: '/usr/bin/node' })).toBe(true);
    expect(matches(single, { FilePath: '/usr/lib/node' })).toBe(false);
    const list = { FilePath: [{ 'anything-but': { wildcard: ['*/lib/*', '*/bin/*'] } }] };
    expect(matches(list, { FilePath: '/usr/share/doc' })).toBe(true);
    expect(matches(list, { FilePath: '/usr/bin/node' })).toBe(false);
  });
});

describe('content-filtering: numeric matching', () => {
  const pattern = {
    detail: {
      'c-count': [{ numeric: ['>', 0, '<=', 5] }],
      'd-count': [{ numeric: ['<', 10] }],
      'x-limit': [{ numeric: ['=', 3.018e2] }],
    },
  };

  it('matches only when every numeric condition holds (3.018e2 equals 301.8)', () => {
    expect(matches(pattern, ec2Event)).toBe(true);
  });

  it('fails when any one of the conditions fails', () => {
    expect(matches(pattern, withDetail({ 'c-count': 0 }))).toBe(false);
    expect(matches(pattern, withDetail({ 'c-count': 6 }))).toBe(false);
    expect(matches(pattern, withDetail({ 'd-count': 10 }))).toBe(false);
    expect(matches(pattern, withDetail({ 'x-limit': 301.9 }))).toBe(false);
  });

  it('works only with JSON numbers, not numeric-looking strings', () => {
    expect(matches(pattern, withDetail({ 'c-count': '5' }))).toBe(false);
  });
});

describe('content-filtering: IP address matching', () => {
  it('matches IPv4 addresses inside 10.0.0.0/24', () => {
    const pattern = { detail: { sourceIPAddress: [{ cidr: '10.0.0.0/24' }] } };
    expect(matches(pattern, { detail: { sourceIPAddress: '10.0.0.33' } })).toBe(true);
    expect(matches(pattern, { detail: { sourceIPAddress: '10.0.0.255' } })).toBe(true);
    expect(matches(pattern, { detail: { sourceIPAddress: '10.0.1.0' } })).toBe(false);
  });

  it('works for IPv6 addresses too', () => {
    const pattern = { detail: { sourceIPAddress: [{ cidr: '2001:db8::/64' }] } };
    expect(matches(pattern, { detail: { sourceIPAddress: '2001:db8::1' } })).toBe(true);
    expect(matches(pattern, { detail: { sourceIPAddress: '2001:0DB8:0000:0000:ffff:ffff:ffff:ffff' } })).toBe(true);
    expect(matches(pattern, { detail: { sourceIPAddress: '2001:db8:0:1::1' } })).toBe(false);
  });
});

describe('content-filtering: exists matching', () => {
  const absent = { detail: { 'c-count': [{ exists: false }] } };

  it('exists:false matches an event without detail.c-count', () => {
    expect(matches(absent, { 'detail-type': ['EC2 Instance State-change Notification'], detail: { state: ['initializing', 'running'] } })).toBe(true);
    expect(matches(absent, ec2Event)).toBe(false);
  });

  it('exists:false also matches when c-count is an object, because exists only looks at leaf nodes', () => {
    const event = { detail: { state: ['initializing', 'running'], 'c-count': { c1: 100 } } };
    expect(matches(absent, event)).toBe(true);
    expect(matches({ detail: { 'c-count': [{ exists: true }] } }, event)).toBe(false);
  });

  it('exists:true matches when the leaf is present (operators table: "ProductName exists")', () => {
    expect(matches({ ProductName: [{ exists: true }] }, { ProductName: 'Widget' })).toBe(true);
    expect(matches({ ProductName: [{ exists: true }] }, { Name: 'Widget' })).toBe(false);
  });
});

describe('content-filtering: complex example with multiple matching', () => {
  it('combines prefix, anything-but and numeric conditions', () => {
    const pattern = {
      time: [{ prefix: '2017-10-02' }],
      detail: {
        state: [{ 'anything-but': 'initializing' }],
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ 'anything-but': [100, 200, 300] }],
      },
    };
    expect(matches(pattern, ec2Event)).toBe(true);
    expect(matches(pattern, { ...ec2Event, time: '2017-10-03T00:00:00Z' })).toBe(false);
  });
});

describe('operators: equals-ignore-case and wildcard', () => {
  it('equals-ignore-case matches "Alice" for "alice"', () => {
    expect(matches({ Name: [{ 'equals-ignore-case': 'alice' }] }, { Name: 'Alice' })).toBe(true);
    expect(matches({ Name: [{ 'equals-ignore-case': 'alice' }] }, { Name: 'Alicia' })).toBe(false);
  });

  it('equals-ignore-case matches a detail-type in any casing', () => {
    const pattern = { 'detail-type': [{ 'equals-ignore-case': 'ec2 instance state-change notification' }] };
    expect(matches(pattern, ec2Event)).toBe(true);
  });

  it('wildcard "dir/*.png" matches .png files under "dir"', () => {
    const pattern = { FileName: [{ wildcard: 'dir/*.png' }] };
    expect(matches(pattern, { FileName: 'dir/a.png' })).toBe(true);
    expect(matches(pattern, { FileName: 'dir/sub/a.png' })).toBe(true);
    expect(matches(pattern, { FileName: 'dir/a.jpg' })).toBe(false);
    expect(matches(pattern, { FileName: 'other/a.png' })).toBe(false);
  });

  it('wildcard matches an event bus ARN in any account', () => {
    const pattern = { EventBusArn: [{ wildcard: 'arn:aws:events:us-east-1:*:event-bus/*' }] };
    expect(matches(pattern, { EventBusArn: 'arn:aws:events:us-east-1:123456789012:event-bus/default' })).toBe(true);
    expect(matches(pattern, { EventBusArn: 'arn:aws:events:us-west-2:123456789012:event-bus/default' })).toBe(false);
  });
});

describe('operators table: And, Or, Not, Null, Numeric', () => {
  it('And: Location is "New York" and Day is "Monday"', () => {
    const pattern = { Location: ['New York'], Day: ['Monday'] };
    expect(matches(pattern, { Location: 'New York', Day: 'Monday' })).toBe(true);
    expect(matches(pattern, { Location: 'New York', Day: 'Tuesday' })).toBe(false);
  });

  it('Or: Location is "New York", or Day is "Monday"', () => {
    const pattern = { $or: [{ Location: ['New York'] }, { Day: ['Monday'] }] };
    expect(matches(pattern, { Location: 'Boston', Day: 'Monday' })).toBe(true);
    expect(matches(pattern, { Location: 'New York', Day: 'Sunday' })).toBe(true);
    expect(matches(pattern, { Location: 'Boston', Day: 'Sunday' })).toBe(false);
  });

  it('Or: PaymentType is "Credit" or "Debit"', () => {
    expect(matches({ PaymentType: ['Credit', 'Debit'] }, { PaymentType: 'Debit' })).toBe(true);
    expect(matches({ PaymentType: ['Credit', 'Debit'] }, { PaymentType: 'Pix' })).toBe(false);
  });

  it('Not: Weather is anything but "Raining"', () => {
    expect(matches({ Weather: [{ 'anything-but': ['Raining'] }] }, { Weather: 'Sunny' })).toBe(true);
    expect(matches({ Weather: [{ 'anything-but': ['Raining'] }] }, { Weather: 'Raining' })).toBe(false);
  });

  it('Null: UserID is null', () => {
    expect(matches({ UserID: [null] }, { UserID: null })).toBe(true);
    expect(matches({ UserID: [null] }, { UserID: 'u-1' })).toBe(false);
    expect(matches({ UserID: [null] }, {})).toBe(false);
  });

  it('Numeric (equals): Price is 100; Numeric (range): more than 10 and at most 20', () => {
    expect(matches({ Price: [100] }, { Price: 100 })).toBe(true);
    expect(matches({ Price: [100] }, { Price: 101 })).toBe(false);
    const range = { Price: [{ numeric: ['>', 10, '<=', 20] }] };
    expect(matches(range, { Price: 20 })).toBe(true);
    expect(matches(range, { Price: 10 })).toBe(false);
  });

  it('Empty: LastName is empty', () => {
    expect(matches({ LastName: [''] }, { LastName: '' })).toBe(true);
    expect(matches({ LastName: [''] }, { LastName: 'Doe' })).toBe(false);
  });
});

describe('content-filtering: $or matching', () => {
  it('matches any one of three numeric conditions under detail', () => {
    const pattern = {
      detail: {
        $or: [
          { 'c-count': [{ numeric: ['>', 0, '<=', 5] }] },
          { 'd-count': [{ numeric: ['<', 10] }] },
          { 'x-limit': [{ numeric: ['=', 3.018e2] }] },
        ],
      },
    };
    expect(matches(pattern, { detail: { 'c-count': 3 } })).toBe(true);
    expect(matches(pattern, { detail: { 'd-count': 9 } })).toBe(true);
    expect(matches(pattern, { detail: { 'x-limit': 301.8 } })).toBe(true);
    expect(matches(pattern, { detail: { 'c-count': 9, 'd-count': 10, 'x-limit': 1 } })).toBe(false);
  });

  it('ANDs the fields outside $or with the chosen alternative', () => {
    const pattern = {
      source: ['aws.cloudwatch'],
      $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
    };
    expect(matches(pattern, { source: 'aws.cloudwatch', namespace: 'AWS/ES' })).toBe(true);
    expect(matches(pattern, { source: 'aws.cloudwatch', metricName: 'ReadLatency' })).toBe(true);
    expect(matches(pattern, { source: 'aws.ec2', metricName: 'ReadLatency' })).toBe(false);
    expect(matches(pattern, { source: 'aws.cloudwatch', metricName: 'WriteLatency' })).toBe(false);
  });
});

describe('Matching null values and empty strings', () => {
  const event = { detail: { eventVersion: '', responseElements: null } };

  it('matches a null value with [null] and an empty string with [""]', () => {
    expect(matches({ detail: { responseElements: [null] } }, event)).toBe(true);
    expect(matches({ detail: { eventVersion: [''] } }, event)).toBe(true);
  });

  it('does not treat null and empty strings as interchangeable', () => {
    expect(matches({ detail: { responseElements: [''] } }, event)).toBe(false);
    expect(matches({ detail: { eventVersion: [null] } }, event)).toBe(false);
  });
});
