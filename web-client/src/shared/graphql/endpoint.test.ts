import { describe, expect, it } from 'vitest';
import { graphqlWsUrl } from './endpoint';

describe('graphqlWsUrl', () => {
  it('uses wss: for a page served over https and ws: otherwise, on the same host', () => {
    expect(graphqlWsUrl({ protocol: 'https:', host: 'qibao.example.cn' })).toBe('wss://qibao.example.cn/graphql');
    expect(graphqlWsUrl({ protocol: 'http:', host: 'localhost:8080' })).toBe('ws://localhost:8080/graphql');
  });
});
